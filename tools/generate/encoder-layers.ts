// Transformer encoder building blocks as ONNX nodes: embeddings, post-LayerNorm self-attention and
// GELU feed-forward, as BERT and DistilBERT compute them. With `q8`, every weight MatMul becomes
// DynamicQuantizeLinear → MatMulInteger → rescale, and embedding tables are stored as uint8.
import { DataType } from "./onnx/onnx-proto.js";
import type { GraphBuilder } from "./onnx/graph-builder.js";
import { normalArray } from "./random.js";
import { quantizeColumns, quantizeTable } from "./quantize.js";
import type { EncoderShape } from "./shapes.js";

export interface LayerContext {
  g: GraphBuilder;
  random: () => number;
  q8: boolean;
}

const INIT_STD = 0.02;
const LAYER_NORM_EPS = 1e-12;

function f32(ctx: LayerContext, values: number[]): string {
  return ctx.g.constant(DataType.FLOAT, values, values.length === 1 ? [] : [values.length]);
}

function i64(ctx: LayerContext, values: number[]): string {
  return ctx.g.constant(DataType.INT64, values, [values.length]);
}

/** y = x·W + b with W [inDim, outDim]. */
export function linear(ctx: LayerContext, x: string, inDim: number, outDim: number, name: string): string {
  const { g } = ctx;
  const weights = normalArray(ctx.random, inDim * outDim, INIT_STD);
  const bias = g.initializer(`${name}.bias`, DataType.FLOAT, [outDim], normalArray(ctx.random, outDim, INIT_STD));
  if (!ctx.q8) {
    const w = g.initializer(`${name}.weight`, DataType.FLOAT, [inDim, outDim], weights);
    return g.op1("Add", [g.op1("MatMul", [x, w]), bias]);
  }
  const { values, scales } = quantizeColumns(weights, inDim, outDim);
  const w = g.initializer(`${name}.weight_quantized`, DataType.INT8, [inDim, outDim], values);
  const wScale = g.initializer(`${name}.weight_scale`, DataType.FLOAT, [outDim], scales);
  const wZero = g.initializer(`${name}.weight_zero_point`, DataType.INT8, [], new Int8Array(1));
  const [xq, xScale, xZero] = g.op("DynamicQuantizeLinear", [x], {}, 3) as [string, string, string];
  const product = g.op1("MatMulInteger", [xq, w, xZero, wZero]);
  const asFloat = g.op1("Cast", [product], { to: DataType.FLOAT });
  const scale = g.op1("Mul", [xScale, wScale]);
  return g.op1("Add", [g.op1("Mul", [asFloat, scale]), bias]);
}

export function layerNorm(ctx: LayerContext, x: string, dim: number, name: string, output?: string): string {
  const { g } = ctx;
  const gamma = g.initializer(`${name}.weight`, DataType.FLOAT, [dim], new Float32Array(dim).fill(1));
  const beta = g.initializer(`${name}.bias`, DataType.FLOAT, [dim], new Float32Array(dim));
  return g.op1("LayerNormalization", [x, gamma, beta], { axis: -1, epsilon: { float: LAYER_NORM_EPS } }, output);
}

/** Looks `ids` up in a fresh [rows, dim] table. */
export function embedding(ctx: LayerContext, ids: string, rows: number, dim: number, name: string): string {
  const { g } = ctx;
  const table = normalArray(ctx.random, rows * dim, INIT_STD);
  if (!ctx.q8) return g.op1("Gather", [g.initializer(name, DataType.FLOAT, [rows, dim], table), ids]);
  const q = quantizeTable(table);
  const stored = g.initializer(`${name}_quantized`, DataType.UINT8, [rows, dim], q.values);
  const scale = g.initializer(`${name}_scale`, DataType.FLOAT, [], Float32Array.of(q.scale));
  const zero = g.initializer(`${name}_zero_point`, DataType.UINT8, [], Uint8Array.of(q.zeroPoint));
  return g.op1("DequantizeLinear", [g.op1("Gather", [stored, ids]), scale, zero]);
}

/** Position ids 0..seq-1 as [1, seq], from the sequence length of `inputIds`. */
export function positionIds(ctx: LayerContext, inputIds: string): string {
  const { g } = ctx;
  const shape = g.op1("Shape", [inputIds]);
  const seqLen = g.op1("Gather", [shape, g.constant(DataType.INT64, [1], [])], { axis: 0 });
  const zero = g.constant(DataType.INT64, [0], []);
  const one = g.constant(DataType.INT64, [1], []);
  const range = g.op1("Range", [zero, seqLen, one]);
  return g.op1("Unsqueeze", [range, i64(ctx, [0])]);
}

/** The additive attention bias [batch, 1, 1, seq]: 0 where attended, -10000 where masked. */
export function attentionBias(ctx: LayerContext, attentionMask: string): string {
  const { g } = ctx;
  const mask = g.op1("Cast", [attentionMask], { to: DataType.FLOAT });
  const expanded = g.op1("Unsqueeze", [mask, i64(ctx, [1, 2])]);
  const inverted = g.op1("Sub", [f32(ctx, [1]), expanded]);
  return g.op1("Mul", [inverted, f32(ctx, [-10000])]);
}

function selfAttention(ctx: LayerContext, x: string, bias: string, shape: EncoderShape, name: string): string {
  const { g } = ctx;
  const headDim = shape.hidden / shape.heads;
  const split = i64(ctx, [0, 0, shape.heads, headDim]);
  const heads = (t: string, perm: number[]) => g.op1("Transpose", [g.op1("Reshape", [t, split])], { perm });
  const q = heads(linear(ctx, x, shape.hidden, shape.hidden, `${name}.query`), [0, 2, 1, 3]);
  const k = heads(linear(ctx, x, shape.hidden, shape.hidden, `${name}.key`), [0, 2, 3, 1]);
  const v = heads(linear(ctx, x, shape.hidden, shape.hidden, `${name}.value`), [0, 2, 1, 3]);
  const scores = g.op1("Mul", [g.op1("MatMul", [q, k]), f32(ctx, [1 / Math.sqrt(headDim)])]);
  const probs = g.op1("Softmax", [g.op1("Add", [scores, bias])], { axis: -1 });
  const context = g.op1("Transpose", [g.op1("MatMul", [probs, v])], { perm: [0, 2, 1, 3] });
  const merged = g.op1("Reshape", [context, i64(ctx, [0, 0, shape.hidden])]);
  return linear(ctx, merged, shape.hidden, shape.hidden, `${name}.output`);
}

/** Exact (erf) GELU, as BERT uses. */
export function gelu(ctx: LayerContext, x: string): string {
  const { g } = ctx;
  const erf = g.op1("Erf", [g.op1("Div", [x, f32(ctx, [Math.SQRT2])])]);
  return g.op1("Mul", [g.op1("Mul", [x, g.op1("Add", [erf, f32(ctx, [1])])]), f32(ctx, [0.5])]);
}

/** One post-LN encoder layer: attention + residual + LN, FFN + residual + LN. */
export function encoderLayer(ctx: LayerContext, x: string, bias: string, shape: EncoderShape, name: string, output?: string): string {
  const attended = selfAttention(ctx, x, bias, shape, `${name}.attention`);
  const h = layerNorm(ctx, ctx.g.op1("Add", [attended, x]), shape.hidden, `${name}.attention.LayerNorm`);
  const up = gelu(ctx, linear(ctx, h, shape.hidden, shape.intermediate, `${name}.intermediate`));
  const down = linear(ctx, up, shape.intermediate, shape.hidden, `${name}.output.dense`);
  return layerNorm(ctx, ctx.g.op1("Add", [down, h]), shape.hidden, `${name}.output.LayerNorm`, output);
}
