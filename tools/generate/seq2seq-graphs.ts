// The two graphs of a BART summariser as Optimum exports them and transformers.js runs them
// (AutoModelForSeq2SeqLM: sessions `encoder_model` and `decoder_model_merged`):
//   encoder_model: input_ids, attention_mask → last_hidden_state
//   decoder_model_merged: input_ids, encoder_attention_mask, encoder_hidden_states,
//     past_key_values.{i}.{decoder,encoder}.{key,value}, use_cache_branch → logits, present.*
// The decoder must take and return a cache: transformers.js feeds only the newest token once a
// cache exists, so a cache-less decoder would see one token at a time. On the first step the
// cache inputs are empty (length 0) and use_cache_branch is false; an If node then computes the
// cross-attention keys/values from the encoder output, later steps pass the cached ones through.
import { GraphBuilder } from "./onnx/graph-builder.js";
import { DataType } from "./onnx/onnx-proto.js";
import type { GeneratedGraph, GraphOptions } from "./encoder-graphs.js";
import { attentionBias, embedding, encoderLayer, layerNorm, linear, type LayerContext } from "./encoder-layers.js";
import { createRandom } from "./random.js";
import {
  cachedSelfAttention,
  causalBias,
  crossAttention,
  crossKeyValues,
  dimOf,
  feedForward,
  positionIds,
  POSITION_OFFSET,
  type KeyValue,
} from "./seq2seq-layers.js";
import type { Seq2SeqShape } from "./shapes.js";

const OPSET = 17;
const PRODUCER = "newsdesk-models-generate";

function embed(ctx: LayerContext, shape: Seq2SeqShape, prefix: string, ids: string, start: string): string {
  const words = embedding(ctx, ids, shape.vocab, shape.hidden, `${prefix}.embed_tokens.weight`);
  const rows = shape.maxPositions + POSITION_OFFSET;
  const positions = embedding(ctx, positionIds(ctx, start, dimOf(ctx, ids, 1)), rows, shape.hidden, `${prefix}.embed_positions.weight`);
  return layerNorm(ctx, ctx.g.op1("Add", [words, positions]), shape.hidden, `${prefix}.layernorm_embedding`);
}

/** BartEncoder: input_ids, attention_mask → last_hidden_state. */
export function bartEncoderGraph(shape: Seq2SeqShape, options: GraphOptions): GeneratedGraph {
  const g = new GraphBuilder("bart_encoder");
  const ctx: LayerContext = { g, random: createRandom(options.seed + 2), q8: options.q8 };
  const seq = ["batch_size", "encoder_sequence_length"];
  const ids = g.input("input_ids", DataType.INT64, seq);
  const mask = g.input("attention_mask", DataType.INT64, seq);
  let x = embed(ctx, shape, "model.encoder", ids, g.constant(DataType.INT64, [0], []));
  const bias = attentionBias(ctx, mask);
  // A BART encoder layer is a BERT layer under other names: post-LN attention, then GELU FFN.
  const layerShape = {
    layers: shape.encoderLayers,
    hidden: shape.hidden,
    heads: shape.heads,
    intermediate: shape.ffn,
    vocab: shape.vocab,
    maxPositions: shape.maxPositions,
    typeVocab: 0,
  };
  for (let i = 0; i < shape.encoderLayers; i++) {
    const last = i === shape.encoderLayers - 1 ? "last_hidden_state" : undefined;
    x = encoderLayer(ctx, x, bias, layerShape, `model.encoder.layers.${i}`, last);
  }
  g.output("last_hidden_state", DataType.FLOAT, [...seq, shape.hidden]);
  return { bytes: g.encode(OPSET, PRODUCER), parameters: g.parameterCount() };
}

/** If(use_cache_branch): the cached cross-attention keys/values, or fresh ones from the encoder output. */
function crossCache(
  ctx: LayerContext,
  useCache: string,
  past: KeyValue,
  encoderHidden: string,
  shape: Seq2SeqShape,
  layer: number,
  present: KeyValue,
): void {
  const { g } = ctx;
  const branchOutput = (b: GraphBuilder, name: string) =>
    b.output(name, DataType.FLOAT, ["batch_size", shape.heads, "encoder_sequence_length_out", shape.hidden / shape.heads]);
  const cached = new GraphBuilder(`layer_${layer}_cached`, `l${layer}_cached_`);
  for (const [from, to] of [
    [past.key, `l${layer}_cached_key`],
    [past.value, `l${layer}_cached_value`],
  ] as const) {
    cached.op1("Identity", [from], {}, to);
    branchOutput(cached, to);
  }
  const fresh = new GraphBuilder(`layer_${layer}_fresh`, `l${layer}_fresh_`);
  const out = { key: `l${layer}_fresh_key`, value: `l${layer}_fresh_value` };
  crossKeyValues({ ...ctx, g: fresh }, encoderHidden, shape, `model.decoder.layers.${layer}.encoder_attn`, out);
  branchOutput(fresh, out.key);
  branchOutput(fresh, out.value);
  g.op("If", [useCache], { then_branch: { graph: cached }, else_branch: { graph: fresh } }, [present.key, present.value]);
}

/** BartForConditionalGeneration's decoder with its cache, as Optimum's merged export. */
export function bartDecoderMergedGraph(shape: Seq2SeqShape, options: GraphOptions): GeneratedGraph {
  const g = new GraphBuilder("bart_decoder_merged");
  const ctx: LayerContext = { g, random: createRandom(options.seed + 3), q8: options.q8 };
  const headDim = shape.hidden / shape.heads;
  const ids = g.input("input_ids", DataType.INT64, ["batch_size", "decoder_sequence_length"]);
  const encoderMask = g.input("encoder_attention_mask", DataType.INT64, ["batch_size", "encoder_sequence_length"]);
  const encoderHidden = g.input("encoder_hidden_states", DataType.FLOAT, ["batch_size", "encoder_sequence_length", shape.hidden]);
  const cacheInput = (name: string, length: string) => g.input(name, DataType.FLOAT, ["batch_size", shape.heads, length, headDim]);
  const past = Array.from({ length: shape.decoderLayers }, (_, i) => ({
    decoder: {
      key: cacheInput(`past_key_values.${i}.decoder.key`, "past_decoder_sequence_length"),
      value: cacheInput(`past_key_values.${i}.decoder.value`, "past_decoder_sequence_length"),
    },
    encoder: {
      key: cacheInput(`past_key_values.${i}.encoder.key`, "encoder_sequence_length_out"),
      value: cacheInput(`past_key_values.${i}.encoder.value`, "encoder_sequence_length_out"),
    },
  }));
  const useCache = g.input("use_cache_branch", DataType.BOOL, [1]);

  const pastLength = dimOf(ctx, past[0]!.decoder.key, 2);
  let x = embed(ctx, shape, "model.decoder", ids, pastLength);
  const causal = causalBias(ctx, pastLength, dimOf(ctx, ids, 1));
  const encoderBias = attentionBias(ctx, encoderMask);
  g.output("logits", DataType.FLOAT, ["batch_size", "decoder_sequence_length", shape.vocab]);
  for (let i = 0; i < shape.decoderLayers; i++) {
    const name = `model.decoder.layers.${i}`;
    const present = {
      decoder: { key: `present.${i}.decoder.key`, value: `present.${i}.decoder.value` },
      encoder: { key: `present.${i}.encoder.key`, value: `present.${i}.encoder.value` },
    };
    const attended = cachedSelfAttention(ctx, x, past[i]!.decoder, causal, shape, `${name}.self_attn`, present.decoder);
    const h = layerNorm(ctx, g.op1("Add", [attended, x]), shape.hidden, `${name}.self_attn_layer_norm`);
    crossCache(ctx, useCache, past[i]!.encoder, encoderHidden, shape, i, present.encoder);
    const crossed = crossAttention(ctx, h, present.encoder, encoderBias, shape, `${name}.encoder_attn`);
    x = feedForward(ctx, layerNorm(ctx, g.op1("Add", [crossed, h]), shape.hidden, `${name}.encoder_attn_layer_norm`), shape, name);
    for (const [which, length] of [
      ["decoder", "past_decoder_sequence_length + 1"],
      ["encoder", "encoder_sequence_length_out"],
    ] as const) {
      g.output(present[which].key, DataType.FLOAT, ["batch_size", shape.heads, length, headDim]);
      g.output(present[which].value, DataType.FLOAT, ["batch_size", shape.heads, length, headDim]);
    }
  }
  g.op1("Identity", [linear(ctx, x, shape.hidden, shape.vocab, "lm_head")], {}, "logits");
  return { bytes: g.encode(OPSET, PRODUCER), parameters: g.parameterCount() };
}
