// The optional summarisation model, loaded on the first generated summary (not at start-up: it is
// the biggest model and off by default), from the same places as the other models: the
// configured local folder, else the cache, else the hub when it answers quickly. Every way of not
// getting it is a ModelError, so the caller can fall back to the extractive summary.
import path from "node:path";
import type { Config } from "../config/index.js";
import { ModelError } from "../errors.js";
import type { Logger } from "../log.js";
import { probeHub } from "./hub-probe.js";
import { hasModelFiles } from "./model-files.js";
import { createProgressReporter } from "./progress.js";
import { modelCacheDir } from "./resolve-models.js";
import type { ModelSummarizer, SummarizerOptions } from "./summarizer.js";
import type { ModelSource } from "./transformers-env.js";

export type SummaryModelSettings = Pick<
  Config,
  "SUMMARY_MODEL" | "MODEL_DTYPE" | "LOCAL_MODELS_DIR" | "CACHE_DIR" | "MODEL_NETWORK_TIMEOUT_MS" | "MODEL_HUB_URL"
>;

export interface SummaryModel {
  /** The loaded summariser; rejects with a ModelError when it cannot be had. */
  get(): Promise<ModelSummarizer>;
  dispose(): Promise<void>;
}

export interface SummaryModelOptions extends Pick<SummarizerOptions, "maxNewTokens" | "minShare" | "threads"> {
  /** After a failed load, wait this long before trying again (default 10 minutes). */
  retryMs?: number;
}

async function sourceFor(settings: SummaryModelSettings): Promise<{ source: ModelSource; from: string }> {
  const id = settings.SUMMARY_MODEL;
  if (settings.LOCAL_MODELS_DIR) return { source: { kind: "local", dir: path.resolve(settings.LOCAL_MODELS_DIR) }, from: "local folder" };
  const cacheDir = modelCacheDir(settings);
  if (await hasModelFiles(cacheDir, id, settings.MODEL_DTYPE, "seq2seq"))
    return { source: { kind: "local", dir: cacheDir }, from: "cache" };
  const probe = await probeHub(settings.MODEL_HUB_URL, id, settings.MODEL_NETWORK_TIMEOUT_MS);
  if (!probe.ok) throw new ModelError(`The summary model ${id} is not available: model hub unreachable: ${probe.reason}`, { modelId: id });
  const timeoutMs = settings.MODEL_NETWORK_TIMEOUT_MS * 5;
  return { source: { kind: "remote", cacheDir, hubUrl: settings.MODEL_HUB_URL, timeoutMs }, from: "download" };
}

async function load(settings: SummaryModelSettings, logger: Logger, options: SummaryModelOptions): Promise<ModelSummarizer> {
  const { source, from } = await sourceFor(settings);
  // transformers.js is imported here, on first use, never at start-up.
  const { createSummarizer } = await import("./summarizer.js");
  const onProgress = source.kind === "remote" ? createProgressReporter() : undefined;
  const summarizer = await createSummarizer({
    modelId: settings.SUMMARY_MODEL,
    dtype: settings.MODEL_DTYPE,
    source,
    onProgress,
    ...options,
  });
  if (summarizer.dtype !== settings.MODEL_DTYPE)
    logger.warn(`MODEL_DTYPE=${settings.MODEL_DTYPE} files of the summary model are not in the local folder; loaded the ones it holds`, {
      dtype: summarizer.dtype,
    });
  logger.info("summary model loaded", { model: settings.SUMMARY_MODEL, dtype: summarizer.dtype, from });
  return summarizer;
}

export function summaryModel(settings: SummaryModelSettings, logger: Logger, options: SummaryModelOptions = {}): SummaryModel {
  const retryMs = options.retryMs ?? 10 * 60_000;
  let loading: Promise<ModelSummarizer> | undefined;
  let failedAt = 0;

  return {
    get() {
      if (loading && failedAt && Date.now() - failedAt >= retryMs) {
        loading = undefined;
        failedAt = 0;
      }
      loading ??= load(settings, logger, options).catch((error: unknown) => {
        failedAt = Date.now();
        throw error instanceof ModelError
          ? error
          : new ModelError(
              `Cannot load the summary model ${settings.SUMMARY_MODEL}: ${String(error)}`,
              { modelId: settings.SUMMARY_MODEL },
              { cause: error },
            );
      });
      return loading;
    },
    async dispose() {
      const pending = loading;
      loading = undefined;
      await pending?.then(
        (s) => s.dispose(),
        () => undefined,
      );
    },
  };
}
