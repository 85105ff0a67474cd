// The models layer: the only code that imports @huggingface/transformers.
//
//   const models = await resolveModels(config, logger);          // never hangs on the network
//   if (models.kind === "ready") { models.embedder.embed(texts, "passage"); models.reader.read(q, passages); }
//   else { /* answer lexically; models.reason says why */ watchForModels(config, logger, { onReady }); }
//   await models.dispose();                                      // on shutdown, when ready
//
// A broken LOCAL_MODELS_DIR (missing, empty or corrupt file) makes resolveModels throw a ModelError
// naming the file. createEmbedder / createQaReader / createSummarizer load one model from an
// explicit ModelSource; summaryModel loads the optional summariser on first use (GENERATED_SUMMARIES).
import type { EmbedderOptions, ModelEmbedder } from "./embedder.js";
import type { QaReader, QaReaderOptions } from "./qa-reader.js";
import type { ModelSummarizer, SummarizerOptions } from "./summarizer.js";
export type { EmbedderOptions, ModelEmbedder, QaReader, QaReaderOptions, ModelSummarizer, SummarizerOptions };

// transformers.js and ONNX Runtime are imported only when a model is really loaded, so importing
// this index (a lexical start, an offline host) stays cheap.
export async function createEmbedder(options: EmbedderOptions): Promise<ModelEmbedder> {
  return (await import("./embedder.js")).createEmbedder(options);
}

export async function createQaReader(options: QaReaderOptions): Promise<QaReader> {
  return (await import("./qa-reader.js")).createQaReader(options);
}

export async function createSummarizer(options: SummarizerOptions): Promise<ModelSummarizer> {
  return (await import("./summarizer.js")).createSummarizer(options);
}

export {
  resolveModels,
  modelCacheDir,
  type ModelAvailability,
  type ModelSettings,
  type ReadyModels,
  type ResolveOptions,
} from "./resolve-models.js";
export { summaryModel, type SummaryModel, type SummaryModelOptions, type SummaryModelSettings } from "./summary-model.js";
export { watchForModels, type ModelWatcher, type WatchOptions } from "./watch-for-models.js";
export { probeHub, type ProbeResult } from "./hub-probe.js";
export { createProgressReporter, type ProgressInfo } from "./progress.js";
export { checkModelFiles, hasModelFiles, onnxFileFor, requiredFiles, type ModelDtype, type ModelKind } from "./model-files.js";
export { embeddingRecipe, type EmbeddingRecipe } from "./embedding-recipe.js";
export type { ModelSource } from "./transformers-env.js";
export type { ModelLoadOptions } from "./load-pretrained.js";
