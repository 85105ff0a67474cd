// A lease in Redis: at most one holder across the deployment for a job that must run once (the feed
// poller). The holder renews it every third of its time to live; a holder that dies or loses Redis
// long enough lets it lapse, and another takes it. Renewal and release check the owner in one script,
// so a holder whose lease lapsed cannot extend or delete the next holder's.
import type { Redis } from "ioredis";

export interface Lease {
  readonly held: boolean;
  /** Stops trying; gives the lease back at once if held (so another holder need not wait it out). */
  release(): Promise<void>;
}

export interface LeaseHandlers {
  /** This process now holds the lease. */
  acquired(): void;
  /** This process no longer holds it (renewal failed or it lapsed). */
  lost(): void;
  /** Every turn of the loop, held or not (followers refresh what the holder writes). */
  tick?(held: boolean): void;
}

const RENEW = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/** One attempt: take the lease if free, or renew it if ours. True when held afterwards. */
export async function takeOrRenew(redis: Redis, key: string, owner: string, ttlMs: number): Promise<boolean> {
  if ((await redis.eval(RENEW, 1, key, owner, String(ttlMs))) === 1) return true;
  return (await redis.set(key, owner, "PX", ttlMs, "NX")) === "OK";
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("Redis did not answer in time")), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export function holdLease(redis: Redis, key: string, owner: string, ttlMs: number, handlers: LeaseHandlers): Lease {
  let held = false;
  let stopped = false;
  let lastRenewed = 0;
  let turn: Promise<void> = Promise.resolve();
  const step = async () => {
    let now: boolean;
    try {
      // Commands wait through a Redis outage (redis-connection.ts); a lease cannot: cut off before
      // it could have lapsed, so a holder cut off from Redis stops before another can take over.
      now = await withTimeout(takeOrRenew(redis, key, owner, ttlMs), Math.floor(ttlMs / 3));
      if (now) lastRenewed = Date.now();
    } catch {
      // Redis unreachable: keep going only while the lease cannot have lapsed yet.
      now = held && Date.now() - lastRenewed < ttlMs * 0.66;
    }
    if (stopped) return;
    if (now !== held) {
      held = now;
      if (now) handlers.acquired();
      else handlers.lost();
    }
    handlers.tick?.(held);
  };
  turn = step();
  const timer = setInterval(() => (turn = turn.then(step)), Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    get held() {
      return held;
    },
    async release() {
      stopped = true;
      clearInterval(timer);
      await turn;
      if (held) {
        held = false;
        handlers.lost();
        await redis.eval(RELEASE, 1, key, owner).catch(() => undefined);
      }
    },
  };
}
