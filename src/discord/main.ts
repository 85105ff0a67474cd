// `npm start`: settings, then the core, then Discord; the knowledge watcher and /healthz beside.
// SIGINT/SIGTERM stop new questions, finish those in flight, close the client, and exit 0.
import { ConfigError } from "../errors.js";
import { createLogger, type Logger } from "../log.js";
import type { Newsdesk } from "../types.js";
import { startBot, type Bot } from "./bot.js";
import { startHealthServer, type HealthServer } from "../service/health-server.js";
import { explainStartFailure, loadBotConfig, type BotConfig } from "../service/startup-config.js";
import { watchKnowledge, type KnowledgeWatcher } from "../service/watch-knowledge.js";

/** sysexits EX_CONFIG: service managers can tell a bad setting (no restart) from a crash. */
const EXIT_CONFIG = 78;

async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = loadBotConfig();
  } catch (error) {
    // Fail at once, before any model or network work, naming every problem.
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(EXIT_CONFIG);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, format: process.stderr.isTTY ? "pretty" : "json" });
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection (kept running)", { error: reason }));
  process.on("uncaughtException", (error) => {
    logger.error("uncaught exception; exiting so the service manager restarts a clean process", { error });
    process.exit(1);
  });

  let state: "starting" | "ready" | "stopping" = "starting";
  let bot: Bot | undefined;
  let newsdesk: Newsdesk | undefined;
  let watcher: KnowledgeWatcher | undefined;
  let health: HealthServer | undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn("second signal: exiting without waiting", { signal });
      process.exit(1);
    }
    stopping = true;
    state = "stopping";
    logger.info("shutting down", { signal });
    await watcher?.close();
    await bot?.stop();
    await newsdesk?.close();
    await health?.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  if (config.HEALTH_PORT) {
    health = await startHealthServer(config.HEALTH_PORT, () => ({
      ok: state === "ready" && !!bot?.ready,
      state,
      ...(newsdesk ? { mode: newsdesk.status().mode, articles: newsdesk.status().articles } : {}),
    }));
    logger.info("health check listening", { url: `http://127.0.0.1:${health.port}/healthz` });
  }

  newsdesk = await openNewsdesk(config, logger);
  bot = await connect(config, newsdesk, logger).catch(async (error: unknown) => {
    const explained = explainStartFailure(error);
    if (!explained) throw error;
    console.error(explained);
    await newsdesk?.close();
    process.exit(EXIT_CONFIG);
  });
  if (config.WATCH_KNOWLEDGE) watcher = watchKnowledge(config.KNOWLEDGE_DIR, () => newsdesk!.reindex(), logger, 1000, config.CACHE_DIR);
  if (!stopping) state = "ready";
}

function connect(config: BotConfig, newsdesk: Newsdesk, logger: Logger): Promise<Bot> {
  return startBot(
    {
      token: config.DISCORD_TOKEN,
      askChannels: config.ASK_CHANNELS,
      cooldownSeconds: config.ASK_COOLDOWN_SECONDS,
      queueConcurrency: config.QUEUE_CONCURRENCY,
      queueMaxWaiting: config.QUEUE_MAX_WAITING,
      api: config.DISCORD_API_URL,
    },
    newsdesk,
    logger,
  );
}

async function openNewsdesk(config: BotConfig, logger: Logger): Promise<Newsdesk> {
  // Loaded only after the settings are known good, so a bad start fails at once.
  const { createNewsdesk } = await import("../app.js");
  // The bot keeps looking for the models in lexical mode and switches when they appear.
  return createNewsdesk(config, logger, { watchModels: true });
}

main().catch((error: unknown) => {
  console.error("Newsdesk stopped on an error:", error);
  process.exit(1);
});
