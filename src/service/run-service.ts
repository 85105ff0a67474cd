// The long-running process behind `npm start` and `npm run worker`: settings, then the core, then the
// face (the Discord bot, or an answer worker), with the knowledge watcher (handed to the core, which
// reports it in /status) and /healthz beside. SIGINT/SIGTERM stop new questions, finish those in
// flight, close everything in reverse order, and exit 0.
import { ConfigError } from "../errors.js";
import { createLogger, type Logger } from "../log.js";
import type { Newsdesk } from "../types.js";
import type { Cluster } from "../scale/cluster.js";
import type { conversationStoreFor } from "../scale/conversation-store.js";
import { startHealthServer, type HealthServer } from "./health-server.js";
import { guardProcess, onStopSignals } from "./process-signals.js";
import { explainStartFailure, formatProblems, loadBotConfig, type BotConfig } from "./startup-config.js";
import { watchKnowledge } from "./watch-knowledge.js";

/** sysexits EX_CONFIG: service managers can tell a bad setting (no restart) from a crash. */
const EXIT_CONFIG = 78;

/** What the service needs of a face: whether it is up, and a stop that finishes work in flight. */
export interface Face {
  readonly ready: boolean;
  /** Detail for /healthz (the gateway connection, the queue). */
  details?(): Record<string, unknown>;
  stop(): Promise<void>;
}

/** `cluster` is set when answer workers answer (REDIS_URL): the face queues questions for them. */
export type StartFace = (config: BotConfig, newsdesk: Newsdesk, logger: Logger, cluster?: Cluster) => Promise<Face>;

/**
 * "bot" (`npm start`): with REDIS_URL a gateway that queues for the workers, else one process that
 * answers. "worker" (`npm run worker`): always holds the index and the models; REDIS_URL is required.
 */
export type ServiceRole = "bot" | "worker";

export const WORKER_NEEDS_REDIS = "REDIS_URL is not set: answer workers take their questions from Redis (docs/scale-out.md)";

export async function runService(startFace: StartFace, role: ServiceRole = "bot"): Promise<void> {
  let config: BotConfig;
  try {
    config = loadBotConfig();
    if (role === "worker" && !config.REDIS_URL) throw new ConfigError(formatProblems([WORKER_NEEDS_REDIS]));
  } catch (error) {
    // Fail at once, before any model or network work, naming every problem.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(EXIT_CONFIG);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, format: process.stderr.isTTY ? "pretty" : "json" });
  guardProcess(logger);

  let state: "starting" | "ready" | "stopping" = "starting";
  let face: Face | undefined;
  let newsdesk: Newsdesk | undefined;
  let health: HealthServer | undefined;

  /** Connections the core was given (a worker's conversation store), closed after it. */
  const afterCore: (() => void)[] = [];
  const signals = onStopSignals(logger, async () => {
    state = "stopping";
    await face?.stop();
    await newsdesk?.close();
    afterCore.forEach((close) => close());
    await health?.close();
  });

  let cluster: Cluster | undefined;
  if (config.HEALTH_PORT) {
    const { workersHealth } = config.REDIS_URL && role === "bot" ? await import("../scale/worker-watch.js") : { workersHealth: undefined };
    health = await startHealthServer(config.HEALTH_PORT, () => {
      // A gateway with no live answer worker cannot answer: not healthy, and it says why.
      const workers = workersHealth?.(cluster?.workerCount() ?? null);
      return {
        ok: state === "ready" && !!face?.ready && (workers?.ok ?? true),
        state,
        ...(newsdesk ? { mode: newsdesk.status().mode, articles: newsdesk.status().articles } : {}),
        ...face?.details?.(),
        ...(workers ? { workers: workers.workers, ...(workers.problem ? { problem: workers.problem } : {}) } : {}),
      };
    });
    logger.info("health check listening", { url: `http://127.0.0.1:${health.port}/healthz` });
  }

  if (config.REDIS_URL && role === "bot") {
    // A gateway process: no index and no models here; the answer workers hold them. Loaded only
    // here, so the one-process bot never loads BullMQ.
    const [{ connectCluster }, { catalogNewsdesk }] = await Promise.all([
      import("../scale/cluster.js"),
      import("../scale/catalog-newsdesk.js"),
    ]);
    cluster = await connectCluster({ ...config, REDIS_URL: config.REDIS_URL }, logger);
    newsdesk = catalogNewsdesk(cluster);
    logger.info("questions go to the answer workers over Redis", { prefix: config.REDIS_PREFIX });
  } else newsdesk = await openNewsdesk(config, logger, role, afterCore);
  face = await startFace(config, newsdesk, logger, cluster).catch(async (error: unknown) => {
    const explained = explainStartFailure(error);
    if (!explained) throw error;
    console.error(explained);
    await newsdesk?.close();
    process.exit(EXIT_CONFIG);
  });
  if (!signals.stopping) state = "ready";
}

async function openNewsdesk(config: BotConfig, logger: Logger, role: ServiceRole, afterCore: (() => void)[]): Promise<Newsdesk> {
  // Loaded only after the settings are known good, so a bad start fails at once.
  const { createNewsdesk } = await import("../app.js");
  let conversations: ReturnType<typeof conversationStoreFor> | undefined;
  if (role === "worker" && config.REDIS_URL) {
    // Conversations live in Redis, so a follow-up answered by another worker still has its context.
    const [{ connectRedis }, { conversationStoreFor }] = await Promise.all([
      import("../scale/redis-connection.js"),
      import("../scale/conversation-store.js"),
    ]);
    const redis = connectRedis(config.REDIS_URL, logger, "worker-conversations");
    afterCore.push(() => redis.disconnect());
    conversations = conversationStoreFor(redis, config);
  }
  // The bot keeps looking for the models in lexical mode and switches when they appear; the core
  // starts the knowledge watcher as WATCH_KNOWLEDGE says, and closes it in newsdesk.close().
  // The bot answers from its index as it is while the folder is compared with it (status says so).
  // A worker builds its whole index before it starts: it takes jobs only once its index is the
  // announced one, and its replies should not change mode half way through a backlog.
  const bot = role === "bot";
  return createNewsdesk(config, logger, {
    ...(conversations ? { conversations } : {}),
    watchModels: true,
    ...(bot ? { embedInBackground: true, reindexOffThread: true, catalogInBackground: true, checkFolderInBackground: true } : {}),
    watchKnowledge: (reindex, mode) =>
      watchKnowledge(config.KNOWLEDGE_DIR, reindex, logger, {
        mode,
        pollIntervalMs: config.WATCH_POLL_SECONDS * 1000,
        cacheDir: config.CACHE_DIR,
      }),
  });
}
