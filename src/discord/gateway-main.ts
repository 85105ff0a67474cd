// `npm run gateway`: the bot as Discord shards (docs/scale-out.md), each shard its own process
// running the bot's entry. With REDIS_URL the shards only receive, acknowledge and queue; answer
// workers (`npm run worker`) answer. /healthz here reports every shard this machine runs.
import { ConfigError } from "../errors.js";
import { createLogger } from "../log.js";
import { startHealthServer, type HealthServer } from "../service/health-server.js";
import { guardProcess, onStopSignals } from "../service/process-signals.js";
import { loadBotConfig, type BotConfig } from "../service/startup-config.js";
import { startShards, type Shards } from "./shard-manager.js";

let config: BotConfig;
try {
  config = loadBotConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(78);
}
const logger = createLogger({ level: config.LOG_LEVEL, format: process.stderr.isTTY ? "pretty" : "json" });
guardProcess(logger);

let shards: Shards | undefined;
let health: HealthServer | undefined;
let state: "starting" | "ready" | "stopping" = "starting";
onStopSignals(logger, async () => {
  state = "stopping";
  await shards?.stop();
  await health?.close();
});
if (config.HEALTH_PORT) {
  health = await startHealthServer(config.HEALTH_PORT, () => {
    const each = shards?.health() ?? [];
    return { ok: state === "ready" && each.length > 0 && each.every((s) => s.ready), state, shards: each };
  });
  logger.info("health check listening", { url: `http://127.0.0.1:${health.port}/healthz` });
}
if (!config.REDIS_URL) logger.warn("REDIS_URL is not set: every shard process holds its own index and models and answers by itself");
shards = await startShards(
  { token: config.DISCORD_TOKEN, count: config.SHARD_COUNT, ids: config.SHARD_IDS, api: config.DISCORD_API_URL },
  logger,
);
if (state === "starting") state = "ready";
