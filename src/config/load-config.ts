import { ConfigError } from "../errors.js";
import { readRawSettings } from "./raw-settings.js";
import { configSchema, type Config } from "./schema.js";

/**
 * The settings from the environment and `.env` (raw-settings.ts); `overrides` (command-line flags)
 * win over both. Throws one ConfigError naming every problem.
 */
export function loadConfig(overrides: Partial<Record<keyof Config, string>> = {}, env?: NodeJS.ProcessEnv, dotenvPath?: string): Config {
  const raw = readRawSettings(env, dotenvPath);
  for (const key of Object.keys(configSchema.shape)) {
    const override = overrides[key as keyof Config];
    if (override !== undefined) raw[key] = override;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`, { problems });
  }
  return parsed.data;
}
