// BART decoder building blocks as ONNX nodes: learned positions offset by 2, causal self-attention
// over a key/value cache, cross-attention over the encoder output, GELU feed-forward.
// Tensors in "head layout" are [batch, heads, sequence, headDim].
import { DataType } from "./onnx/onnx-proto.js";
import { gelu, layerNorm, linear, type LayerContext } from "./encoder-layers.js";
import type { Seq2SeqShape } from "./shapes.js";

/** BART's learned position table starts its positions at 2 (a fairseq leftover). */
export const POSITION_OFFSET = 2;

export interface KeyValue {
  key: string;
  value: string;
}

function i64(ctx: LayerContext, values: number[], dims: number[] = [values.length]): string {
  return ctx.g.constant(DataType.INT64, values, dims);
}

function f32(ctx: LayerContext, value: number): string {
  return ctx.g.constant(DataType.FLOAT, [value], []);
}

/** The size of `tensor` along `axis`, as an int64 scalar. */
export function dimOf(ctx: LayerContext, tensor: string, axis: number): string {
  return ctx.g.op1("Gather", [ctx.g.op1("Shape", [tensor]), i64(ctx, [axis], [])], { axis: 0 });
}

/** Position ids start..start+len-1 (plus the offset) as [1, len]. */
export function positionIds(ctx: LayerContext, start: string, length: string): string {
  const { g } = ctx;
  const range = g.op1("Range", [start, g.op1("Add", [start, length]), i64(ctx, [1], [])]);
  return g.op1("Unsqueeze", [g.op1("Add", [range, i64(ctx, [POSITION_OFFSET], [])]), i64(ctx, [0])]);
}

/** [seq, past+seq] additive bias: query i (at absolute position past+i) sees keys 0..past+i. */
export function causalBias(ctx: LayerContext, pastLength: string, seqLength: string): string {
  const { g } = ctx;
  const one = i64(ctx, [1], []);
  const total = g.op1("Add", [pastLength, seqLength]);
  const queries = g.op1("Unsqueeze", [g.op1("Range", [pastLength, total, one]), i64(ctx, [1])]);
  const keys = g.op1("Unsqueeze", [g.op1("Range", [i64(ctx, [0], []), total, one]), i64(ctx, [0])]);
  const future = g.op1("Cast", [g.op1("Greater", [keys, queries])], { to: DataType.FLOAT });
  return g.op1("Mul", [future, f32(ctx, -10000)]);
}

/** [batch, seq, hidden] → head layout. */
export function toHeads(ctx: LayerContext, x: string, shape: Seq2SeqShape): string {
  const split = i64(ctx, [0, 0, shape.heads, shape.hidden / shape.heads]);
  return ctx.g.op1("Transpose", [ctx.g.op1("Reshape", [x, split])], { perm: [0, 2, 1, 3] });
}

/** Scaled dot-product attention in head layout, merged back to [batch, seq, hidden] and projected. */
function attend(ctx: LayerContext, q: string, kv: KeyValue, bias: string, shape: Seq2SeqShape, name: string): string {
  const { g } = ctx;
  const keysT = g.op1("Transpose", [kv.key], { perm: [0, 1, 3, 2] });
  const scores = g.op1("Mul", [g.op1("MatMul", [q, keysT]), f32(ctx, 1 / Math.sqrt(shape.hidden / shape.heads))]);
  const probs = g.op1("Softmax", [g.op1("Add", [scores, bias])], { axis: -1 });
  const context = g.op1("Transpose", [g.op1("MatMul", [probs, kv.value])], { perm: [0, 2, 1, 3] });
  const merged = g.op1("Reshape", [context, i64(ctx, [0, 0, shape.hidden])]);
  return linear(ctx, merged, shape.hidden, shape.hidden, `${name}.out_proj`);
}

/**
 * Causal self-attention: this step's keys and values are appended to the cache (`past`), and
 * the grown cache leaves the graph under the `present` names.
 */
export function cachedSelfAttention(
  ctx: LayerContext,
  x: string,
  past: KeyValue,
  bias: string,
  shape: Seq2SeqShape,
  name: string,
  present: KeyValue,
): string {
  const { g } = ctx;
  const q = toHeads(ctx, linear(ctx, x, shape.hidden, shape.hidden, `${name}.q_proj`), shape);
  const k = toHeads(ctx, linear(ctx, x, shape.hidden, shape.hidden, `${name}.k_proj`), shape);
  const v = toHeads(ctx, linear(ctx, x, shape.hidden, shape.hidden, `${name}.v_proj`), shape);
  const key = g.op1("Concat", [past.key, k], { axis: 2 }, present.key);
  const value = g.op1("Concat", [past.value, v], { axis: 2 }, present.value);
  return attend(ctx, q, { key, value }, bias, shape, name);
}

/** The encoder output projected to cross-attention keys and values (head layout). */
export function crossKeyValues(ctx: LayerContext, encoderHidden: string, shape: Seq2SeqShape, name: string, out: KeyValue): KeyValue {
  const { g } = ctx;
  const project = (what: string, output: string) =>
    g.op1("Identity", [toHeads(ctx, linear(ctx, encoderHidden, shape.hidden, shape.hidden, `${name}.${what}_proj`), shape)], {}, output);
  return { key: project("k", out.key), value: project("v", out.value) };
}

export function crossAttention(ctx: LayerContext, x: string, kv: KeyValue, encoderBias: string, shape: Seq2SeqShape, name: string): string {
  const q = toHeads(ctx, linear(ctx, x, shape.hidden, shape.hidden, `${name}.q_proj`), shape);
  return attend(ctx, q, kv, encoderBias, shape, name);
}

/** Post-LN feed-forward block: LN(x + fc2(gelu(fc1(x)))). */
export function feedForward(ctx: LayerContext, x: string, shape: Seq2SeqShape, name: string): string {
  const up = gelu(ctx, linear(ctx, x, shape.hidden, shape.ffn, `${name}.fc1`));
  const down = linear(ctx, up, shape.ffn, shape.hidden, `${name}.fc2`);
  return layerNorm(ctx, ctx.g.op1("Add", [down, x]), shape.hidden, `${name}.final_layer_norm`);
}
