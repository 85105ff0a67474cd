import { config as loadDotenv } from "dotenv";
import type { LogLevel } from "../log.js";
import { configSchema } from "./schema.js";

export type RawSettings = Record<string, string | undefined>;

/**
 * The one reader of process.env and `.env`: every setting the schema knows, as text. `.env` fills
 * in what the environment does not set (an empty variable counts as unset).
 */
export function readRawSettings(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): RawSettings {
  const fromFile: Record<string, string> = {};
  loadDotenv({ path: dotenvPath, processEnv: fromFile, quiet: true });
  const raw: RawSettings = {};
  for (const key of Object.keys(configSchema.shape)) {
    if (env[key] !== undefined && env[key] !== "") raw[key] = env[key];
    else if (fromFile[key] !== undefined) raw[key] = fromFile[key];
  }
  return raw;
}

/** LOG_LEVEL alone, for logging before the whole config is loaded; "info" when unset or invalid. */
export function readLogLevel(env?: NodeJS.ProcessEnv, dotenvPath?: string): LogLevel {
  const parsed = configSchema.shape.LOG_LEVEL.safeParse(readRawSettings(env, dotenvPath).LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}
