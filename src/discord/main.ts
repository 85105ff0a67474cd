// `npm start`: the service (settings, core, watcher, /healthz, signals: src/service/run-service.ts)
// with the Discord bot as its face, and the followed feeds polled beside it (new articles are
// re-indexed at once — on every answer worker when scaled out — and announced in ANNOUNCE_CHANNEL
// when set).
import type { Client } from "discord.js";
import { openFeeds } from "../ingest/index.js";
import { leadFeedPolling } from "../scale/feed-poller.js";
import type { ReindexOutcome } from "../scale/reindex-fanout.js";
import type { Logger } from "../log.js";
import { runService } from "../service/run-service.js";
import { announceArticles } from "./announce.js";
import { startBot } from "./bot.js";

runService(async (config, newsdesk, logger, cluster) => {
  let client: Client | undefined;
  // With answer workers (REDIS_URL) every shard runs this face, but exactly one process of the
  // deployment polls the feeds: the holder of a Redis lease (docs/scale-out.md).
  const lead = cluster ? leadFeedPolling({ redisUrl: config.REDIS_URL!, prefix: config.REDIS_PREFIX }, logger) : undefined;
  const feeds = await openFeeds(
    config,
    logger,
    async (articles) => {
      // The poller wrote into the shared knowledge folder: the workers re-read it, as for /reindex.
      if (cluster) await reportFanOut(await cluster.reindex(), logger);
      else await newsdesk.reindex();
      if (config.ANNOUNCE_CHANNEL && client) await announceArticles(client, config.ANNOUNCE_CHANNEL, articles, logger);
    },
    lead,
  );
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
  if (lead) lead.attach(feeds);
  else feeds.start();
  if (feeds.list().length) logger.info("following feeds", { feeds: feeds.list().length, everyMinutes: config.FEED_INTERVAL_MINUTES });
  return {
    get ready() {
      return bot.ready;
    },
    details: () => ({ ...bot.details(), feeds: feeds.list().length }),
    async stop() {
      await (lead ? lead.close() : feeds.stop());
      await bot.stop();
    },
  };
}).catch((error: unknown) => {
  console.error("Newsdesk stopped on an error:", error);
  process.exit(1);
});

async function reportFanOut(outcome: ReindexOutcome, logger: Logger): Promise<void> {
  const done = outcome.reports.filter((r) => r.kind === "done").map((r) => r.worker);
  logger.info("new feed articles: the answer workers re-read the knowledge folder", {
    workers: done,
    ...(outcome.missing.length ? { missing: outcome.missing } : {}),
    ...(outcome.gone.length ? { gone: outcome.gone } : {}),
  });
}
