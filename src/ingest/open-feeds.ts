// The feed service as config describes it (FEEDS, FEED_INTERVAL_MINUTES, CACHE_DIR).
import type { Config } from "../config/index.js";
import type { Logger } from "../log.js";
import { createFeedService, type FeedService, type SharedFeeds } from "./feeds.js";
import { openFollowState } from "./follow-state.js";
import { openIngester } from "./open-ingester.js";
import type { NewArticle } from "./poller.js";

export async function openFeeds(
  config: Config,
  logger: Logger,
  onArticles: (articles: NewArticle[]) => Promise<void>,
  shared?: SharedFeeds,
): Promise<FeedService> {
  return createFeedService({
    state: await openFollowState(config.CACHE_DIR, config.FEEDS),
    ingester: await openIngester(config, logger),
    logger,
    intervalMinutes: config.FEED_INTERVAL_MINUTES,
    onArticles,
    ...(shared ? { shared } : {}),
  });
}
