// Decides between the models and the lexical path, without ever hanging: a configured local
// folder is used as is (broken → ModelError); files already in the cache load with no network;
// otherwise the hub is probed with a short timeout and, if it is unreachable, the answer is
// "unavailable" at once so the caller can answer lexically and try again later.
import path from "node:path";
import type { Config } from "../config/index.js";
import type { Logger } from "../log.js";
import type { ModelEmbedder } from "./embedder.js";
import { hasModelFiles } from "./model-files.js";
import { probeHub } from "./hub-probe.js";
import { createProgressReporter, type ProgressInfo } from "./progress.js";
import type { QaReader } from "./qa-reader.js";
import type { ModelSource } from "./transformers-env.js";

export type ModelSettings = Pick<
  Config,
  | "ANSWER_MODE"
  | "EMBEDDING_MODEL"
  | "QA_MODEL"
  | "MODEL_DTYPE"
  | "LOCAL_MODELS_DIR"
  | "CACHE_DIR"
  | "MODEL_NETWORK_TIMEOUT_MS"
  | "MODEL_HUB_URL"
>;

export interface ReadyModels {
  kind: "ready";
  /** Where the files came from: the configured folder, the cache, or a download just now. */
  source: "local" | "cache" | "download";
  embedder: ModelEmbedder;
  reader: QaReader;
  dispose(): Promise<void>;
}

export type ModelAvailability =
  | ReadyModels
  /** The models cannot be had now (hub unreachable, download failed); try again later. */
  | { kind: "unavailable"; reason: string }
  /** ANSWER_MODE=lexical: models are never loaded. */
  | { kind: "disabled"; reason: string };

export interface ResolveOptions {
  /**
   * false: when the models would have to be downloaded, answer "unavailable" at once instead of
   * waiting for the download (a bot can start lexically and let watchForModels fetch them).
   */
  download?: boolean;
  /** Download progress; defaults to lines on standard error. */
  onProgress?: (info: ProgressInfo) => void;
  threads?: number;
  /** A retry (watchForModels): "still unreachable" was said once already, so it goes to debug. */
  retry?: boolean;
}

/** Where downloaded models are kept: <CACHE_DIR>/models/<org>/<name>/… */
export function modelCacheDir(settings: Pick<Config, "CACHE_DIR">): string {
  return path.resolve(settings.CACHE_DIR, "models");
}

async function load(
  settings: ModelSettings,
  source: ModelSource,
  kind: ReadyModels["source"],
  options: ResolveOptions,
): Promise<ReadyModels> {
  // transformers.js (and ONNX Runtime) are imported only when models are really loaded: a
  // lexical start, or one that finds the hub unreachable, saves most of a second.
  const [{ createEmbedder }, { createQaReader }] = await Promise.all([import("./embedder.js"), import("./qa-reader.js")]);
  const common = { dtype: settings.MODEL_DTYPE, source, onProgress: options.onProgress, threads: options.threads };
  const embedder = await createEmbedder({ ...common, modelId: settings.EMBEDDING_MODEL });
  let reader: QaReader;
  try {
    reader = await createQaReader({ ...common, modelId: settings.QA_MODEL });
  } catch (error) {
    await embedder.dispose();
    throw error;
  }
  return {
    kind: "ready",
    source: kind,
    embedder,
    reader,
    dispose: async () => {
      await Promise.all([embedder.dispose(), reader.dispose()]);
    },
  };
}

export async function resolveModels(settings: ModelSettings, logger: Logger, options: ResolveOptions = {}): Promise<ModelAvailability> {
  if (settings.ANSWER_MODE === "lexical") return { kind: "disabled", reason: "ANSWER_MODE=lexical" };
  const ids = [settings.EMBEDDING_MODEL, settings.QA_MODEL];
  const fields = { embedder: settings.EMBEDDING_MODEL, reader: settings.QA_MODEL, dtype: settings.MODEL_DTYPE };

  if (settings.LOCAL_MODELS_DIR) {
    const dir = path.resolve(settings.LOCAL_MODELS_DIR);
    const models = await load(settings, { kind: "local", dir }, "local", options);
    const loaded = [models.embedder.dtype, models.reader.dtype];
    if (loaded.some((d) => d !== settings.MODEL_DTYPE))
      logger.warn(`MODEL_DTYPE=${settings.MODEL_DTYPE} files are not in the local folder; loaded the ones it holds`, {
        dir,
        embedderDtype: loaded[0],
        readerDtype: loaded[1],
      });
    logger.info("models loaded from local folder", { ...fields, dtype: loaded.join("/"), dir });
    return models;
  }

  const cacheDir = modelCacheDir(settings);
  const cached = await Promise.all(ids.map((id) => hasModelFiles(cacheDir, id, settings.MODEL_DTYPE)));
  if (cached.every(Boolean)) {
    const models = await load(settings, { kind: "local", dir: cacheDir }, "cache", options);
    logger.info("models loaded from cache", { ...fields, cacheDir });
    return models;
  }

  const probe = await probeHub(settings.MODEL_HUB_URL, settings.EMBEDDING_MODEL, settings.MODEL_NETWORK_TIMEOUT_MS);
  if (!probe.ok) {
    const reason = `model hub unreachable: ${probe.reason}`;
    // Expected on an offline host, and lexical mode still answers: information, said once.
    if (options.retry) logger.debug("models unavailable; answering in lexical mode", { reason });
    else logger.info("models unavailable; answering in lexical mode", { reason });
    return { kind: "unavailable", reason };
  }
  if (options.download === false) {
    return { kind: "unavailable", reason: `models not downloaded yet (hub reachable; cache ${cacheDir})` };
  }
  logger.info("downloading models (first use)", { ...fields, cacheDir });
  // Each file's headers must come within a few network timeouts; the body may take its time.
  const timeoutMs = settings.MODEL_NETWORK_TIMEOUT_MS * 5;
  const source: ModelSource = { kind: "remote", cacheDir, hubUrl: settings.MODEL_HUB_URL, timeoutMs };
  try {
    const models = await load(settings, source, "download", { ...options, onProgress: options.onProgress ?? createProgressReporter() });
    logger.info("models downloaded and loaded", { ...fields, cacheDir });
    return models;
  } catch (error) {
    const reason = `model download failed: ${(error as Error).message}`;
    logger.warn("models unavailable; answering in lexical mode", { reason, error });
    return { kind: "unavailable", reason };
  }
}
