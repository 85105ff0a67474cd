import { config as loadDotenv } from "dotenv";
import { ConfigError } from "../errors.js";
import { configSchema, type Config } from "./schema.js";

/**
 * The one reader of process.env. `.env` fills in what the environment does not set; `overrides`
 * (command-line flags) win over both. Throws one ConfigError naming every problem.
 */
export function loadConfig(
  overrides: Partial<Record<keyof Config, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
  dotenvPath?: string,
): Config {
  const fromFile: Record<string, string> = {};
  loadDotenv({ path: dotenvPath, processEnv: fromFile, quiet: true });
  const raw: Record<string, string | undefined> = { ...fromFile };
  for (const key of Object.keys(configSchema.shape)) {
    if (env[key] !== undefined && env[key] !== "") raw[key] = env[key];
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
