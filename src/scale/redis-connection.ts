// ioredis connections as BullMQ wants them: commands wait through a Redis restart instead of failing
// (maxRetriesPerRequest: null), and connection errors are logged, not thrown as unhandled events.
import { Redis } from "ioredis";
import type { Logger } from "../log.js";

export function connectRedis(url: string, logger: Logger, name: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    // Back off to at most 2 s between attempts, for ever: Redis coming back is the normal case.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  let down = false;
  redis.on("error", (error: NodeJS.ErrnoException) => {
    if (!down) logger.warn("Redis connection lost; retrying", { connection: name, error: error.code ?? error.message });
    down = true;
  });
  redis.on("ready", () => {
    if (down) logger.info("Redis connection back", { connection: name });
    down = false;
  });
  return redis;
}

/** The names Newsdesk's own keys use, under one prefix (BullMQ keeps its keys under the same prefix). */
export function keys(prefix: string) {
  return {
    queue: "questions",
    cooldown: (userId: string) => `${prefix}:cooldown:${userId}`,
    reply: (id: string) => `${prefix}:reply:${id}`,
    worker: (id: string) => `${prefix}:worker:${id}`,
    workers: `${prefix}:workers`,
    knowledge: `${prefix}:knowledge`,
    reindexChannel: `${prefix}:reindex`,
    reindexReports: (requestId: string) => `${prefix}:reindex:${requestId}`,
    feedPoller: `${prefix}:feeds:poller`,
    feedPollChannel: `${prefix}:feeds:poll`,
  };
}

export type Keys = ReturnType<typeof keys>;
