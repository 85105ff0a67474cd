// Following feeds while the bot runs: polls every FEED_INTERVAL_MINUTES (never two at once), and
// the run-time controls /follow, /unfollow and /feeds use. Knows nothing of Discord: what to do
// with new articles (reindex, announce) is the `onArticles` callback.
import type { Logger } from "../log.js";
import type { FollowedFeed, FollowOutcome, FollowState, UnfollowOutcome } from "./follow-state.js";
import type { Ingester } from "./ingester.js";
import { pollFeeds, type NewArticle, type PollReport } from "./poller.js";

export type FollowResult = FollowOutcome | { kind: "not-a-feed"; url: string; reason: string };

export interface FeedService {
  readonly intervalMinutes: number;
  list(): FollowedFeed[];
  /** Checks the URL is a readable feed, follows it and polls it at once. */
  follow(url: string, by: string): Promise<FollowResult>;
  unfollow(url: string): Promise<UnfollowOutcome>;
  /** Polls every feed (or one); waits for a poll already running instead of starting another. */
  pollNow(only?: string): Promise<PollReport>;
  start(): void;
  stop(): Promise<void>;
}

export interface FeedServiceOptions {
  state: FollowState;
  ingester: Ingester;
  logger: Logger;
  intervalMinutes: number;
  onArticles(articles: NewArticle[]): Promise<void>;
}

export function createFeedService(options: FeedServiceOptions): FeedService {
  const { state, ingester, logger } = options;
  let running: Promise<PollReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  async function poll(only?: string): Promise<PollReport> {
    const report = await pollFeeds(state, ingester, logger, { only, stopping: () => stopping });
    if (report.articles.length) {
      logger.info("new articles from feeds", { count: report.articles.length });
      try {
        await options.onArticles(report.articles);
      } catch (error) {
        logger.error("handling new feed articles failed", { error });
      }
    }
    return report;
  }

  function pollNow(only?: string): Promise<PollReport> {
    if (running) return running.then(() => pollNow(only));
    running = poll(only).finally(() => (running = undefined));
    return running;
  }

  return {
    intervalMinutes: options.intervalMinutes,
    list: () => state.list(),
    async follow(url, by) {
      const outcome = state.follow(url, by);
      if (outcome.kind !== "added") return outcome;
      const probe = await ingester.feed(outcome.url);
      if (probe.kind === "failed") {
        state.unfollow(outcome.url);
        return { kind: "not-a-feed", url: outcome.url, reason: probe.reason };
      }
      await state.save();
      void pollNow(outcome.url).catch((error: unknown) =>
        logger.error("first poll of a followed feed failed", { url: outcome.url, error }),
      );
      return outcome;
    },
    async unfollow(url) {
      const outcome = state.unfollow(url);
      if (outcome.kind === "removed") await state.save();
      return outcome;
    },
    pollNow,
    start() {
      if (timer) return;
      const tick = () => void pollNow().catch((error: unknown) => logger.error("feed poll failed", { error }));
      tick();
      timer = setInterval(tick, options.intervalMinutes * 60_000);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
