// Retries resolveModels on a timer until the models are ready, so a bot that started lexical
// (offline, first start) switches to the models once they can be had.
import type { Logger } from "../log.js";
import { resolveModels, type ModelSettings, type ReadyModels, type ResolveOptions } from "./resolve-models.js";

export interface WatchOptions extends ResolveOptions {
  /** Time between attempts (default 5 minutes). */
  intervalMs?: number;
  onReady(models: ReadyModels): void;
}

export interface ModelWatcher {
  /** Runs one attempt now (no-op while one is running); true once the models are ready. */
  check(): Promise<boolean>;
  stop(): void;
}

export function watchForModels(settings: ModelSettings, logger: Logger, options: WatchOptions): ModelWatcher {
  let done = settings.ANSWER_MODE === "lexical";
  let running: Promise<boolean> | null = null;

  async function attempt(): Promise<boolean> {
    try {
      const result = await resolveModels(settings, logger, { ...options, retry: true });
      if (result.kind !== "ready") return false;
      if (done) {
        await result.dispose(); // stopped while loading
        return false;
      }
      done = true;
      clearInterval(timer);
      options.onReady(result);
      return true;
    } catch (error) {
      logger.warn("models still not loadable; staying in lexical mode", { error });
      return false;
    }
  }

  const check = (): Promise<boolean> => {
    if (done) return Promise.resolve(false);
    running ??= attempt().finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return {
    check,
    stop: () => {
      done = true;
      clearInterval(timer);
    },
  };
}
