// Followed feeds when gateway shards share them (REDIS_URL): exactly one process across the
// deployment polls, the holder of a Redis lease (lease.ts). It writes new articles into the shared
// knowledge folder and announces them as /reindex does; another shard that takes /follow asks the
// poller, over Redis, to poll the new feed at once. If the poller dies its lease lapses and another
// shard takes over within FEED_LEASE_MS.
import { hostname } from "node:os";
import type { Logger } from "../log.js";
import { holdLease, type Lease } from "./lease.js";
import { connectRedis, keys } from "./redis-connection.js";

/** What the lease drives: the feed service of src/ingest (structurally; scale does not need its type). */
export interface Pollable {
  start(): void;
  stop(): Promise<void>;
  pollNow(only?: string): Promise<unknown>;
  refresh(): Promise<void>;
}

export interface FeedPollerLead {
  readonly owner: string;
  isPoller(): boolean;
  requestPoll(url: string): Promise<void>;
  /** Starts contending for the lease with the feed service it drives. */
  attach(feeds: Pollable): void;
  close(): Promise<void>;
}

export const FEED_LEASE_MS = 30_000;

export function leadFeedPolling(
  settings: { redisUrl: string; prefix: string; owner?: string; leaseMs?: number },
  logger: Logger,
): FeedPollerLead {
  const k = keys(settings.prefix);
  const owner = settings.owner ?? `${hostname()}:${process.pid}`;
  const redis = connectRedis(settings.redisUrl, logger, "feed-poller");
  const subscriber = connectRedis(settings.redisUrl, logger, "feed-poller-subscriber");
  let lease: Lease | undefined;
  let feeds: Pollable | undefined;

  subscriber.on("message", (_channel, url: string) => {
    if (!lease?.held || !feeds) return;
    void feeds.pollNow(url).catch((error: unknown) => logger.error("first poll of a followed feed failed", { url, error }));
  });

  return {
    owner,
    isPoller: () => lease?.held ?? false,
    async requestPoll(url) {
      await redis.publish(k.feedPollChannel, url);
    },
    attach(f) {
      feeds = f;
      void subscriber.subscribe(k.feedPollChannel).catch((error: unknown) => logger.warn("could not listen for feed polls", { error }));
      lease = holdLease(redis, k.feedPoller, owner, settings.leaseMs ?? FEED_LEASE_MS, {
        acquired: () => {
          logger.info("this process polls the followed feeds for the deployment", { owner });
          f.start();
        },
        lost: () => {
          logger.warn("no longer the feed poller; stopped polling", { owner });
          void f.stop();
        },
        // The others keep /feeds current from what the poller writes.
        tick: (held) => {
          if (!held) void f.refresh().catch(() => undefined);
        },
      });
    },
    async close() {
      await lease?.release();
      await feeds?.stop();
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
