// `npm run gateway`: the bot as Discord shards (docs/scale-out.md), each shard its own process
// running the bot's entry. With REDIS_URL the shards only receive, acknowledge and queue; answer
// workers (`npm run worker`) answer. /healthz here reports every shard this machine runs.
import { ConfigError } from "../errors.js";
import { createLogger } from "../log.js";
import { startHealthServer, type HealthServer } from "../service/health-server.js";
import { guardProcess, onStopSignals } from "../service/process-signals.js";
import { loadBotConfig, type BotConfig } from "../service/startup-config.js";
import type { WorkerWatch } from "../scale/worker-watch.js";
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
let workers: { watch: WorkerWatch; close(): void } | undefined;
onStopSignals(logger, async () => {
  state = "stopping";
  await shards?.stop();
  await health?.close();
  workers?.close();
});
if (config.HEALTH_PORT) {
  // With answer workers, /healthz also says whether any is alive: without one no question is answered.
  const watchModule = config.REDIS_URL ? await import("../scale/worker-watch.js") : undefined;
  if (config.REDIS_URL && watchModule) {
    const { connectRedis, keys } = await import("../scale/redis-connection.js");
    const redis = connectRedis(config.REDIS_URL, logger, "gateway-health");
    const watch = watchModule.watchWorkers(redis, keys(config.REDIS_PREFIX));
    workers = { watch, close: () => (watch.close(), redis.disconnect()) };
  }
  health = await startHealthServer(config.HEALTH_PORT, () => {
    const each = shards?.health() ?? [];
    const answering = workers && watchModule?.workersHealth(workers.watch.snapshot());
    return {
      ok: state === "ready" && each.length > 0 && each.every((s) => s.ready) && (answering?.ok ?? true),
      state,
      shards: each,
      ...(answering ? { workers: answering.workers, ...(answering.problem ? { problem: answering.problem } : {}) } : {}),
    };
  });
  logger.info("health check listening", { url: `http://127.0.0.1:${health.port}/healthz` });
}
if (!config.REDIS_URL) logger.warn("REDIS_URL is not set: every shard process holds its own index and models and answers by itself");
shards = await startShards(
  { token: config.DISCORD_TOKEN, count: config.SHARD_COUNT, ids: config.SHARD_IDS, api: config.DISCORD_API_URL },
  logger,
);
if (state === "starting") state = "ready";
