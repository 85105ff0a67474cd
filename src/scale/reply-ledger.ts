// Exactly one reply per question: before a worker sends, it claims the question's key atomically
// (SET NX with a time limit); once sent, the key says so for a day. A worker that died holding a
// claim loses it when the time limit passes, and the retried job claims it again.
import type { Redis } from "ioredis";

export type Claim = "claimed" | "sent" | "busy";

export interface ReplyLedger {
  /** "claimed": send now; "sent": already answered, do nothing; "busy": another worker is sending. */
  claim(id: string, owner: string, holdMs: number): Promise<Claim>;
  markSent(id: string): Promise<void>;
  /** Gives a claim back after a failed send, so a retry may send. */
  release(id: string, owner: string): Promise<void>;
}

const SENT = "sent";
const SENT_TTL_S = 86_400;

export function memoryReplyLedger(now: () => number = Date.now): ReplyLedger {
  const entries = new Map<string, { value: string; until: number }>();
  const live = (id: string) => {
    const e = entries.get(id);
    if (e && e.until <= now()) entries.delete(id);
    return entries.get(id);
  };
  return {
    async claim(id, owner, holdMs) {
      const e = live(id);
      if (e) return e.value === SENT ? "sent" : "busy";
      entries.set(id, { value: owner, until: now() + holdMs });
      return "claimed";
    },
    async markSent(id) {
      entries.set(id, { value: SENT, until: now() + SENT_TTL_S * 1000 });
    },
    async release(id, owner) {
      if (live(id)?.value === owner) entries.delete(id);
    },
  };
}

// Deletes the claim only if this worker still holds it (a compare-and-delete must be one script).
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

export function redisReplyLedger(redis: Redis, key: (id: string) => string): ReplyLedger {
  return {
    async claim(id, owner, holdMs) {
      if ((await redis.set(key(id), owner, "PX", holdMs, "NX")) === "OK") return "claimed";
      return (await redis.get(key(id))) === SENT ? "sent" : "busy";
    },
    async markSent(id) {
      await redis.set(key(id), SENT, "EX", SENT_TTL_S);
    },
    async release(id, owner) {
      await redis.eval(RELEASE, 1, key(id), owner);
    },
  };
}
