// The one place that sets transformers.js `env`. Every load goes through `useModelSource`, so the
// library's global settings always match the source being loaded.
import { env, LogLevel } from "@huggingface/transformers";

export type ModelSource =
  /** A folder in the Hugging Face layout (<dir>/<org>/<name>/…); never downloads. */
  | { kind: "local"; dir: string }
  /** Download from the hub into `cacheDir` (or reuse what is there). */
  | { kind: "remote"; cacheDir: string; hubUrl: string };

export const DEFAULT_HUB_URL = "https://huggingface.co";

export function useModelSource(source: ModelSource): void {
  env.logLevel = LogLevel.ERROR;
  env.useBrowserCache = false;
  if (source.kind === "local") {
    env.allowLocalModels = true;
    env.localModelPath = source.dir;
    env.allowRemoteModels = false;
    env.useFSCache = false;
    return;
  }
  // Remote: nothing looked up under node_modules; downloads land in the cache folder.
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = source.hubUrl.endsWith("/") ? source.hubUrl : `${source.hubUrl}/`;
  env.useFSCache = true;
  env.cacheDir = source.cacheDir;
}
