// Writes the generated models in the Hugging Face layout transformers.js loads from a local
// folder: <out>/<org>/<name>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model*.onnx},
// plus a BART summariser (see write-summarizer.ts): always for tiny, on request for default.
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { onnxFileFor } from "../../src/models/model-files.js";
import { bertGraph, distilbertQaGraph, type GeneratedGraph, type GraphOptions } from "./encoder-graphs.js";
import { writeSummarizer } from "./write-summarizer.js";
import { EMBEDDER_ID, QA_ID, SHAPES, SUMMARIZER_ID, type EncoderShape, type ShapeName } from "./shapes.js";
import { bertConfig, distilbertQaConfig, tokenizerConfig, tokenizerJson } from "./tokenizer-files.js";
import { buildVocab } from "./vocab.js";
import { mergedConfig, readRealTokenizerFiles } from "./real-tokenizer-files.js";

export type GeneratedDtype = "fp32" | "q8";

export interface GenerateOptions {
  shape: ShapeName;
  dtype: GeneratedDtype;
  out: string;
  seed?: number;
  /** Also write the summariser (default: only for the tiny shape). */
  summarizer?: boolean;
  /**
   * A folder holding the published tokenizer and config files (<dir>/<org>/<name>/): each model
   * then gets the real tokenizer and the real vocabulary size instead of generated ones.
   */
  tokenizers?: string;
}

export interface GeneratedModel {
  modelId: string;
  dir: string;
  onnxFile: string;
  onnxBytes: number;
  parameters: number;
}

interface ModelSpec {
  modelId: string;
  shape: EncoderShape;
  uncased: boolean;
  tokenizerClass: string;
  config: (shape: EncoderShape) => object;
  graph: (shape: EncoderShape, options: GraphOptions) => GeneratedGraph;
}

async function writeModel(spec: ModelSpec, options: GenerateOptions & { seed: number }): Promise<GeneratedModel> {
  const dir = path.join(options.out, ...spec.modelId.split("/"));
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  const json = (name: string, value: object) => writeFile(path.join(dir, name), JSON.stringify(value, null, 2) + "\n");
  let shape = spec.shape;
  if (options.tokenizers) {
    const real = await readRealTokenizerFiles(options.tokenizers, spec.modelId);
    shape = { ...shape, vocab: real.vocabSize };
    await json("config.json", mergedConfig(real.config, spec.config(shape)));
    await json("tokenizer.json", real.tokenizer);
    await json("tokenizer_config.json", real.tokenizerConfig);
  } else {
    const vocab = buildVocab({ size: shape.vocab, uncased: spec.uncased });
    await json("config.json", spec.config(shape));
    await json("tokenizer.json", tokenizerJson(vocab, spec.uncased));
    await json("tokenizer_config.json", tokenizerConfig(spec.uncased, spec.tokenizerClass, shape.maxPositions));
  }
  const graph = spec.graph(shape, { seed: options.seed, q8: options.dtype === "q8" });
  const onnxFile = path.join(dir, "onnx", onnxFileFor(options.dtype));
  await writeFile(onnxFile, graph.bytes);
  return { modelId: spec.modelId, dir, onnxFile, onnxBytes: (await stat(onnxFile)).size, parameters: graph.parameters };
}

/** Generates the embedder, the QA model and (tiny shape) the summariser; returns what was written. */
export async function generateModels(options: GenerateOptions): Promise<GeneratedModel[]> {
  const full = { seed: 42, ...options };
  const shapes = SHAPES[full.shape];
  const specs: ModelSpec[] = [
    { modelId: EMBEDDER_ID, shape: shapes.embedder, uncased: true, tokenizerClass: "BertTokenizer", config: bertConfig, graph: bertGraph },
    {
      modelId: QA_ID,
      shape: shapes.qa,
      uncased: false,
      tokenizerClass: "DistilBertTokenizer",
      config: distilbertQaConfig,
      graph: distilbertQaGraph,
    },
  ];
  const written: GeneratedModel[] = [];
  // One at a time: a default-size graph holds a few hundred MB while it is encoded.
  for (const spec of specs) written.push(await writeModel(spec, full));
  if (full.summarizer ?? full.shape === "tiny")
    written.push({ modelId: SUMMARIZER_ID, ...(await writeSummarizer(SUMMARIZER_ID, shapes.summarizer, full)) });
  return written;
}
