export { loadConfig } from "./load-config.js";
export { configSchema, type Config } from "./schema.js";
export { readLogLevel, readRawSettings, type RawSettings } from "./raw-settings.js";
