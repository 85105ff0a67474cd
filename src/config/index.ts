export { loadConfig } from "./load-config.js";
export { configSchema, type Config } from "./schema.js";
