// The published tokenizer and config files of a model (from a folder laid out like
// ../shared/data/model-configs/<org>/<name>/), to put beside generated weights: the weights get
// the real vocabulary size, and the config keeps the real keys (prefix, special ids, …) with the
// generated architecture written over them, so the config always describes the graph beside it.
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface RealTokenizerFiles {
  tokenizer: object;
  tokenizerConfig: object;
  config: Record<string, unknown>;
  generationConfig?: object;
  /** Rows of the model's embedding table (config.json's vocab_size). */
  vocabSize: number;
}

async function readJson(file: string): Promise<object> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`Real tokenizer file missing: ${file} (${(error as Error).message})`, { cause: error });
  }
  return JSON.parse(text) as object;
}

export async function readRealTokenizerFiles(dir: string, modelId: string): Promise<RealTokenizerFiles> {
  const folder = path.join(dir, ...modelId.split("/"));
  const config = (await readJson(path.join(folder, "config.json"))) as Record<string, unknown>;
  const vocabSize = config.vocab_size;
  if (typeof vocabSize !== "number" || !Number.isInteger(vocabSize) || vocabSize < 1)
    throw new Error(`${path.join(folder, "config.json")} has no integer vocab_size`);
  const generationConfig = await readJson(path.join(folder, "generation_config.json")).catch(() => undefined);
  return {
    tokenizer: await readJson(path.join(folder, "tokenizer.json")),
    tokenizerConfig: await readJson(path.join(folder, "tokenizer_config.json")),
    config,
    ...(generationConfig && { generationConfig }),
    vocabSize,
  };
}

/** The real config with the generated model's keys (its architecture) written over it. */
export function mergedConfig(real: Record<string, unknown>, generated: object): object {
  return { ...real, ...generated };
}
