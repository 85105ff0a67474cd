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
  /** Starts polling every interval (again after stop()). */
  start(): void;
  stop(): Promise<void>;
  /** Re-reads the followed feeds (when shared: what the poller or another shard wrote). */
  refresh(): Promise<void>;
}

/** Several processes share the followed feeds (scale-out); one of them, the poller, polls. */
export interface SharedFeeds {
  isPoller(): boolean;
  /** Asks the poller to poll `url` now (a feed just followed here). */
  requestPoll(url: string): Promise<void>;
}

export interface FeedServiceOptions {
  state: FollowState;
  ingester: Ingester;
  logger: Logger;
  intervalMinutes: number;
  onArticles(articles: NewArticle[]): Promise<void>;
  /** Set when other processes share the followed feeds: state is re-read before each poll. */
  shared?: SharedFeeds;
}

export function createFeedService(options: FeedServiceOptions): FeedService {
  const { state, ingester, logger } = options;
  let running: Promise<PollReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  async function poll(only?: string): Promise<PollReport> {
    // Another shard may have followed or unfollowed a feed since this process last read the file.
    if (options.shared) await state.reload();
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
      // Shared: start from what the poller last wrote, so saving here does not undo its work.
      if (options.shared) await state.reload();
      const outcome = state.follow(url, by);
      if (outcome.kind !== "added") return outcome;
      const probe = await ingester.feed(outcome.url);
      if (probe.kind === "failed") {
        state.unfollow(outcome.url);
        return { kind: "not-a-feed", url: outcome.url, reason: probe.reason };
      }
      await state.save();
      if (options.shared && !options.shared.isPoller()) {
        // Only the poller polls: it re-reads the file and fetches this feed's articles now.
        await options.shared
          .requestPoll(outcome.url)
          .catch((error: unknown) => logger.error("could not ask the feed poller to poll a followed feed", { url: outcome.url, error }));
        return outcome;
      }
      void pollNow(outcome.url).catch((error: unknown) =>
        logger.error("first poll of a followed feed failed", { url: outcome.url, error }),
      );
      return outcome;
    },
    async unfollow(url) {
      if (options.shared) await state.reload();
      const outcome = state.unfollow(url);
      if (outcome.kind === "removed") await state.save();
      return outcome;
    },
    pollNow,
    start() {
      if (timer) return;
      stopping = false;
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
    async refresh() {
      // Not while this process polls: the poll's own state would be replaced under it.
      if (!running) await state.reload();
    },
  };
}
