// Per-user cooldowns behind one interface: in memory for one process, in Redis when shards share
// them. `take` checks and starts the cooldown in one step, so two shards cannot both let a user in.
import type { Redis } from "ioredis";
import { createCooldown, type CooldownCheck } from "./cooldown.js";

export interface CooldownStore {
  take(userId: string): Promise<CooldownCheck>;
}

export function memoryCooldownStore(seconds: number, now: () => number = Date.now): CooldownStore {
  const cooldown = createCooldown(seconds, now);
  return {
    async take(userId) {
      const check = cooldown.check(userId);
      if (check.ok) cooldown.mark(userId);
      return check;
    },
  };
}

export function redisCooldownStore(redis: Redis, key: (userId: string) => string, seconds: number): CooldownStore {
  const windowMs = Math.round(seconds * 1000);
  return {
    async take(userId) {
      if (windowMs <= 0) return { ok: true };
      // SET NX PX is atomic: the first shard to set the key wins; the others read how long is left.
      const set = await redis.set(key(userId), "1", "PX", windowMs, "NX");
      if (set === "OK") return { ok: true };
      const left = await redis.pttl(key(userId));
      return left > 0 ? { ok: false, retryAfterMs: left } : { ok: true };
    },
  };
}
