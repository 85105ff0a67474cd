// Writes a generated BART summariser in the Hugging Face layout transformers.js's
// summarization pipeline loads: config.json, generation_config.json, tokenizer.json,
// tokenizer_config.json, onnx/encoder_model*.onnx and onnx/decoder_model_merged*.onnx.
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { onnxFileFor, type ModelDtype } from "../../src/models/model-files.js";
import { bartConfig, bartGenerationConfig, bartTokenizerConfig, bartTokenizerJson } from "./bart-files.js";
import { buildBpeVocab } from "./bpe-vocab.js";
import { mergedConfig, readRealTokenizerFiles } from "./real-tokenizer-files.js";
import { bartDecoderMergedGraph, bartEncoderGraph } from "./seq2seq-graphs.js";
import type { Seq2SeqShape } from "./shapes.js";

export interface WrittenSummarizer {
  dir: string;
  /** The decoder graph (the bigger of the two, and the one generation runs per token). */
  onnxFile: string;
  /** Both graphs together. */
  onnxBytes: number;
  parameters: number;
}

export async function writeSummarizer(
  modelId: string,
  shape: Seq2SeqShape,
  options: { out: string; dtype: ModelDtype; seed: number; /** Folder of the published tokenizer files. */ tokenizers?: string },
): Promise<WrittenSummarizer> {
  const dir = path.join(options.out, ...modelId.split("/"));
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  const json = (name: string, value: object) => writeFile(path.join(dir, name), JSON.stringify(value, null, 2) + "\n");
  if (options.tokenizers) {
    const real = await readRealTokenizerFiles(options.tokenizers, modelId);
    shape = { ...shape, vocab: real.vocabSize };
    await json("config.json", mergedConfig(real.config, bartConfig(shape)));
    await json("generation_config.json", real.generationConfig ?? bartGenerationConfig());
    await json("tokenizer.json", real.tokenizer);
    await json("tokenizer_config.json", real.tokenizerConfig);
  } else {
    await json("config.json", bartConfig(shape));
    await json("generation_config.json", bartGenerationConfig());
    await json("tokenizer.json", bartTokenizerJson(buildBpeVocab(shape.vocab)));
    await json("tokenizer_config.json", bartTokenizerConfig(shape.maxPositions));
  }
  const graphOptions = { seed: options.seed, q8: options.dtype === "q8" };
  let bytes = 0;
  let parameters = 0;
  let onnxFile = "";
  for (const [base, build] of [
    ["encoder_model", bartEncoderGraph],
    ["decoder_model_merged", bartDecoderMergedGraph],
  ] as const) {
    const graph = build(shape, graphOptions);
    onnxFile = path.join(dir, "onnx", onnxFileFor(options.dtype, base));
    await writeFile(onnxFile, graph.bytes);
    bytes += (await stat(onnxFile)).size;
    parameters += graph.parameters;
  }
  return { dir, onnxFile, onnxBytes: bytes, parameters };
}
