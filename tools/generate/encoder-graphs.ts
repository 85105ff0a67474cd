// The two generated graphs: a BERT encoder (feature extraction, like bge-small) and a DistilBERT
// encoder with a span-prediction head (question answering, like distilbert-…-squad).
// Inputs and outputs carry the names and dynamic axes of the published Optimum exports.
import { GraphBuilder } from "./onnx/graph-builder.js";
import { DataType } from "./onnx/onnx-proto.js";
import { attentionBias, embedding, encoderLayer, layerNorm, linear, positionIds, type LayerContext } from "./encoder-layers.js";
import { createRandom } from "./random.js";
import type { EncoderShape } from "./shapes.js";

export interface GeneratedGraph {
  bytes: Uint8Array;
  /** Stored weight values (after quantisation each int8/uint8 value counts once). */
  parameters: number;
}

export interface GraphOptions {
  seed: number;
  q8: boolean;
}

const OPSET = 17;
const SEQ: [string, string] = ["batch_size", "sequence_length"];

function embed(ctx: LayerContext, shape: EncoderShape, prefix: string, inputIds: string, typeIds?: string): string {
  const { g } = ctx;
  const words = embedding(ctx, inputIds, shape.vocab, shape.hidden, `${prefix}.word_embeddings.weight`);
  const positions = embedding(ctx, positionIds(ctx, inputIds), shape.maxPositions, shape.hidden, `${prefix}.position_embeddings.weight`);
  let sum = g.op1("Add", [words, positions]);
  if (typeIds) {
    sum = g.op1("Add", [sum, embedding(ctx, typeIds, shape.typeVocab, shape.hidden, `${prefix}.token_type_embeddings.weight`)]);
  }
  return layerNorm(ctx, sum, shape.hidden, `${prefix}.LayerNorm`);
}

function encode(ctx: LayerContext, shape: EncoderShape, prefix: string, x: string, mask: string, lastOutput?: string): string {
  const bias = attentionBias(ctx, mask);
  for (let i = 0; i < shape.layers; i++) {
    const last = i === shape.layers - 1;
    x = encoderLayer(ctx, x, bias, shape, `${prefix}.${i}`, last ? lastOutput : undefined);
  }
  return x;
}

/** BertModel: input_ids, attention_mask, token_type_ids → last_hidden_state. */
export function bertGraph(shape: EncoderShape, options: GraphOptions): GeneratedGraph {
  const g = new GraphBuilder("bert");
  const ctx: LayerContext = { g, random: createRandom(options.seed), q8: options.q8 };
  const ids = g.input("input_ids", DataType.INT64, SEQ);
  const mask = g.input("attention_mask", DataType.INT64, SEQ);
  const types = g.input("token_type_ids", DataType.INT64, SEQ);
  const x = embed(ctx, shape, "embeddings", ids, types);
  encode(ctx, shape, "encoder.layer", x, mask, "last_hidden_state");
  g.output("last_hidden_state", DataType.FLOAT, [...SEQ, shape.hidden]);
  return { bytes: g.encode(OPSET, "newsdesk-models-generate"), parameters: g.parameterCount() };
}

/** DistilBertForQuestionAnswering: input_ids, attention_mask → start_logits, end_logits. */
export function distilbertQaGraph(shape: EncoderShape, options: GraphOptions): GeneratedGraph {
  const g = new GraphBuilder("distilbert_qa");
  const ctx: LayerContext = { g, random: createRandom(options.seed + 1), q8: options.q8 };
  const ids = g.input("input_ids", DataType.INT64, SEQ);
  const mask = g.input("attention_mask", DataType.INT64, SEQ);
  const x = embed(ctx, shape, "distilbert.embeddings", ids);
  const hidden = encode(ctx, shape, "distilbert.transformer.layer", x, mask);
  const logits = linear(ctx, hidden, shape.hidden, 2, "qa_outputs");
  const halves = g.op("Split", [logits, g.constant(DataType.INT64, [1, 1], [2])], { axis: -1 }, 2) as [string, string];
  const squeezeAxis = g.constant(DataType.INT64, [-1], [1]);
  g.op1("Squeeze", [halves[0], squeezeAxis], {}, "start_logits");
  g.op1("Squeeze", [halves[1], squeezeAxis], {}, "end_logits");
  g.output("start_logits", DataType.FLOAT, SEQ);
  g.output("end_logits", DataType.FLOAT, SEQ);
  return { bytes: g.encode(OPSET, "newsdesk-models-generate"), parameters: g.parameterCount() };
}
