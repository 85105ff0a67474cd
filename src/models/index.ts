// The models layer: the only code that imports @huggingface/transformers.
export { createEmbedder, type EmbedderOptions, type ModelEmbedder } from "./embedder.js";
export { createQaReader, type QaReader, type QaReaderOptions } from "./qa-reader.js";
export { resolveModels, modelCacheDir, type ModelAvailability, type ModelSettings, type ReadyModels, type ResolveOptions } from "./resolve-models.js";
export { watchForModels, type ModelWatcher, type WatchOptions } from "./watch-for-models.js";
export { probeHub, type ProbeResult } from "./hub-probe.js";
export { createProgressReporter, type ProgressInfo } from "./progress.js";
export { checkModelFiles, hasModelFiles, onnxFileFor, requiredFiles, type ModelDtype } from "./model-files.js";
export { embeddingRecipe, type EmbeddingRecipe } from "./embedding-recipe.js";
export { DEFAULT_HUB_URL, type ModelSource } from "./transformers-env.js";
export type { ModelLoadOptions } from "./load-pretrained.js";
