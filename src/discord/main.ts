// `npm start`: the service (settings, core, watcher, /healthz, signals: src/service/run-service.ts)
// with the Discord bot as its face, and the followed feeds polled beside it (new articles are
// re-indexed at once and announced in ANNOUNCE_CHANNEL when set).
import type { Client } from "discord.js";
import { openFeeds } from "../ingest/index.js";
import { runService } from "../service/run-service.js";
import { announceArticles } from "./announce.js";
import { startBot } from "./bot.js";

runService(async (config, newsdesk, logger, cluster) => {
  let client: Client | undefined;
  const feeds = await openFeeds(config, logger, async (articles) => {
    await newsdesk.reindex();
    if (config.ANNOUNCE_CHANNEL && client) await announceArticles(client, config.ANNOUNCE_CHANNEL, articles, logger);
  });
  const bot = await startBot(
    {
      token: config.DISCORD_TOKEN,
      askChannels: config.ASK_CHANNELS,
      cooldownSeconds: config.ASK_COOLDOWN_SECONDS,
      queueConcurrency: config.QUEUE_CONCURRENCY,
      queueMaxWaiting: config.QUEUE_MAX_WAITING,
      queueMaxWaitSeconds: config.QUEUE_MAX_WAIT_SECONDS,
      conversationWindowSeconds: config.CONVERSATION_WINDOW_SECONDS,
      api: config.DISCORD_API_URL,
      cluster,
    },
    newsdesk,
    logger,
    { feeds },
  );
  client = bot.client;
  feeds.start();
  if (feeds.list().length) logger.info("following feeds", { feeds: feeds.list().length, everyMinutes: config.FEED_INTERVAL_MINUTES });
  return {
    get ready() {
      return bot.ready;
    },
    details: () => ({ ...bot.details(), feeds: feeds.list().length }),
    async stop() {
      await feeds.stop();
      await bot.stop();
    },
  };
}).catch((error: unknown) => {
  console.error("Newsdesk stopped on an error:", error);
  process.exit(1);
});
