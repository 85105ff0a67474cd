// The long-running process behind `npm start`: settings, then the core, then the face (the Discord
// bot), with the knowledge watcher (handed to the core, which reports it in /status) and /healthz beside. SIGINT/SIGTERM stop new questions, finish
// those in flight, close everything in reverse order, and exit 0.
import { ConfigError } from "../errors.js";
import { createLogger, type Logger } from "../log.js";
import type { Newsdesk } from "../types.js";
import type { Cluster } from "../scale/cluster.js";
import { startHealthServer, type HealthServer } from "./health-server.js";
import { guardProcess, onStopSignals } from "./process-signals.js";
import { explainStartFailure, loadBotConfig, type BotConfig } from "./startup-config.js";
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

export async function runService(startFace: StartFace): Promise<void> {
  let config: BotConfig;
  try {
    config = loadBotConfig();
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

  const signals = onStopSignals(logger, async () => {
    state = "stopping";
    await face?.stop();
    await newsdesk?.close();
    await health?.close();
  });

  if (config.HEALTH_PORT) {
    health = await startHealthServer(config.HEALTH_PORT, () => ({
      ok: state === "ready" && !!face?.ready,
      state,
      ...(newsdesk ? { mode: newsdesk.status().mode, articles: newsdesk.status().articles } : {}),
      ...face?.details?.(),
    }));
    logger.info("health check listening", { url: `http://127.0.0.1:${health.port}/healthz` });
  }

  let cluster: Cluster | undefined;
  if (config.REDIS_URL) {
    // A gateway process: no index and no models here; the answer workers hold them. Loaded only
    // here, so the one-process bot never loads BullMQ.
    const [{ connectCluster }, { catalogNewsdesk }] = await Promise.all([
      import("../scale/cluster.js"),
      import("../scale/catalog-newsdesk.js"),
    ]);
    cluster = await connectCluster({ ...config, REDIS_URL: config.REDIS_URL }, logger);
    newsdesk = catalogNewsdesk(cluster);
    logger.info("questions go to the answer workers over Redis", { prefix: config.REDIS_PREFIX });
  } else newsdesk = await openNewsdesk(config, logger);
  face = await startFace(config, newsdesk, logger, cluster).catch(async (error: unknown) => {
    const explained = explainStartFailure(error);
    if (!explained) throw error;
    console.error(explained);
    await newsdesk?.close();
    process.exit(EXIT_CONFIG);
  });
  if (!signals.stopping) state = "ready";
}

async function openNewsdesk(config: BotConfig, logger: Logger): Promise<Newsdesk> {
  // Loaded only after the settings are known good, so a bad start fails at once.
  const { createNewsdesk } = await import("../app.js");
  // The bot keeps looking for the models in lexical mode and switches when they appear; the core
  // starts the knowledge watcher as WATCH_KNOWLEDGE says, and closes it in newsdesk.close().
  return createNewsdesk(config, logger, {
    watchModels: true,
    embedInBackground: true,
    reindexOffThread: true,
    catalogInBackground: true,
    watchKnowledge: (reindex, mode) =>
      watchKnowledge(config.KNOWLEDGE_DIR, reindex, logger, {
        mode,
        pollIntervalMs: config.WATCH_POLL_SECONDS * 1000,
        cacheDir: config.CACHE_DIR,
      }),
  });
}
