// One poll of every followed feed: fetch it (conditionally), ingest the items not seen before,
// and hand what was added or updated to `onArticles` (reindex, announce). A feed that fails is
// one log line and its error is kept for /feeds; the other feeds go on.
import type { Logger } from "../log.js";
import type { FollowState } from "./follow-state.js";
import type { Ingester } from "./ingester.js";
import type { SaveOutcome } from "./store.js";

export type NewArticle = Omit<SaveOutcome, "kind"> & { kind: "added" | "updated"; feed: string };

export interface PollReport {
  feeds: number;
  failed: number;
  articles: NewArticle[];
}

/** `stopping` is asked between articles, so a shutdown does not wait for a whole poll. */
export async function pollFeeds(
  state: FollowState,
  ingester: Ingester,
  logger: Logger,
  options: { only?: string; stopping?: () => boolean } = {},
): Promise<PollReport> {
  const { only, stopping = () => false } = options;
  const report: PollReport = { feeds: 0, failed: 0, articles: [] };
  for (const feed of state.list()) {
    if ((only && feed.url !== only) || stopping()) continue;
    report.feeds++;
    const record = state.record(feed.url);
    record.lastPoll = new Date().toISOString();
    try {
      const fetched = await ingester.feed(feed.url, record);
      if (fetched.kind === "failed") {
        record.lastError = fetched.reason;
        report.failed++;
        continue;
      }
      record.lastError = undefined;
      if (fetched.kind === "not-modified") continue;
      Object.assign(record, { title: fetched.title, etag: fetched.validator.etag, lastModified: fetched.validator.lastModified });
      const seen = new Set(record.seen);
      for (const item of fetched.items.filter((i) => !seen.has(i.url))) {
        if (stopping()) break;
        const outcome = await ingester.article(item.url);
        // A failed item is tried again next poll; anything else is done with.
        if (outcome.kind === "failed") continue;
        record.seen.push(item.url);
        if (outcome.kind === "added" || outcome.kind === "updated") {
          record.articles++;
          report.articles.push({ ...outcome, kind: outcome.kind, feed: feed.url });
        }
      }
    } catch (error) {
      // Not a fetch outcome but a fault (a disk error, a bug): still only this feed's problem.
      record.lastError = (error as Error).message;
      report.failed++;
      logger.error(`feed poll failed: ${feed.url}: ${(error as Error).message}`, { url: feed.url, error });
    }
  }
  await state.save();
  await ingester.flush();
  return report;
}
