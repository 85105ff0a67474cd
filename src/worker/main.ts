// `npm run worker`: an answer worker for a scaled-out bot (REDIS_URL set). It holds the index and
// the models, takes questions from the Redis queue and delivers the replies itself; start any number,
// on any machine that can reach Redis and Discord (docs/scale-out.md).
import { ConfigError } from "../errors.js";
import { createLogger } from "../log.js";
import { startHealthServer, type HealthServer } from "../service/health-server.js";
import { guardProcess, onStopSignals } from "../service/process-signals.js";
import { formatProblems, loadBotConfig, type BotConfig } from "../service/startup-config.js";
import { watchKnowledge } from "../service/watch-knowledge.js";
import type { Newsdesk } from "../types.js";
import { startAnswerWorker, type AnswerWorker } from "./answer-worker.js";
import { restDelivery } from "./deliver.js";
import type { Redis } from "ioredis";
import { conversationStoreFor } from "../scale/conversation-store.js";
import { connectRedis } from "../scale/redis-connection.js";

const EXIT_CONFIG = 78;

let config: BotConfig;
try {
  config = loadBotConfig();
  if (!config.REDIS_URL) {
    throw new ConfigError(formatProblems(["REDIS_URL is not set: answer workers take their questions from Redis (docs/scale-out.md)"]));
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(EXIT_CONFIG);
}
const redisUrl = config.REDIS_URL!;
const logger = createLogger({ level: config.LOG_LEVEL, format: process.stderr.isTTY ? "pretty" : "json" });
guardProcess(logger);

let newsdesk: Newsdesk | undefined;
let conversationRedis: Redis | undefined;
let worker: AnswerWorker | undefined;
let health: HealthServer | undefined;
let state: "starting" | "ready" | "stopping" = "starting";
const signals = onStopSignals(logger, async () => {
  state = "stopping";
  await worker?.stop();
  await newsdesk?.close();
  conversationRedis?.disconnect();
  await health?.close();
});

if (config.HEALTH_PORT) {
  health = await startHealthServer(config.HEALTH_PORT, () => ({
    ok: state === "ready" && worker?.state === "ready",
    state,
    ...(worker ? { worker: worker.id, replica: worker.state } : {}),
  }));
}

const { createNewsdesk } = await import("../app.js");
// Conversations live in Redis, so a follow-up answered by another worker still has its context.
conversationRedis = connectRedis(redisUrl, logger, "worker-conversations");
const conversations = conversationStoreFor(conversationRedis, config);
newsdesk = await createNewsdesk(config, logger, {
  conversations,
  watchModels: true,
  watchKnowledge: (reindex, mode) =>
    watchKnowledge(config.KNOWLEDGE_DIR, reindex, logger, {
      mode,
      pollIntervalMs: config.WATCH_POLL_SECONDS * 1000,
      cacheDir: config.CACHE_DIR,
    }),
});
worker = await startAnswerWorker(
  {
    redisUrl,
    prefix: config.REDIS_PREFIX,
    workerId: config.WORKER_ID,
    concurrency: config.WORKER_CONCURRENCY,
    lockSeconds: config.JOB_LOCK_SECONDS,
  },
  newsdesk,
  restDelivery(config.DISCORD_TOKEN, config.DISCORD_API_URL),
  logger,
);
if (!signals.stopping) state = "ready";
logger.info("answer worker started", { worker: worker.id, mode: newsdesk.status().mode, concurrency: config.WORKER_CONCURRENCY });
