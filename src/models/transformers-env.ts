// The one place that sets transformers.js `env`. Every load goes through `useModelSource`, so the
// library's global settings always match the source being loaded.
import { env, LogLevel } from "@huggingface/transformers";

export type ModelSource =
  /** A folder in the Hugging Face layout (<dir>/<org>/<name>/…); never downloads. */
  | { kind: "local"; dir: string }
  /** Download from the hub into `cacheDir` (or reuse what is there). */
  | { kind: "remote"; cacheDir: string; hubUrl: string; /** Wait at most this long for each response's headers. */ timeoutMs?: number };

/** fetch that gives up when a response's headers do not arrive in time (the body may take longer). */
function fetchWithHeadersTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer from ${String(input)} within ${timeoutMs} ms`)), timeoutMs);
    try {
      return await fetch(input, { ...init, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  };
}

export function useModelSource(source: ModelSource): void {
  env.logLevel = LogLevel.ERROR;
  env.useBrowserCache = false;
  if (source.kind === "local") {
    env.allowLocalModels = true;
    env.localModelPath = source.dir;
    env.allowRemoteModels = false;
    env.useFSCache = false;
    env.fetch = fetch;
    return;
  }
  // Remote: nothing looked up under node_modules; downloads land in the cache folder.
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = source.hubUrl.endsWith("/") ? source.hubUrl : `${source.hubUrl}/`;
  env.useFSCache = true;
  env.cacheDir = source.cacheDir;
  env.fetch = source.timeoutMs ? fetchWithHeadersTimeout(source.timeoutMs) : fetch;
}
