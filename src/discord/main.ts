// `npm start`: the service (settings, core, watcher, /healthz, signals: src/service/run-service.ts)
// with the Discord bot as its face.
import { runService } from "../service/run-service.js";
import { startBot } from "./bot.js";

runService((config, newsdesk, logger) =>
  startBot(
    {
      token: config.DISCORD_TOKEN,
      askChannels: config.ASK_CHANNELS,
      cooldownSeconds: config.ASK_COOLDOWN_SECONDS,
      queueConcurrency: config.QUEUE_CONCURRENCY,
      queueMaxWaiting: config.QUEUE_MAX_WAITING,
      queueMaxWaitSeconds: config.QUEUE_MAX_WAIT_SECONDS,
      api: config.DISCORD_API_URL,
    },
    newsdesk,
    logger,
  ),
).catch((error: unknown) => {
  console.error("Newsdesk stopped on an error:", error);
  process.exit(1);
});
