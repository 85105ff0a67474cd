// Per-user cooldown between questions. Pure: the clock is injected.

export type CooldownCheck = { ok: true } | { ok: false; retryAfterMs: number };

export interface Cooldown {
  /** Whether `userId` may ask now. */
  check(userId: string): CooldownCheck;
  /** Starts the user's cooldown from now (call when their question is accepted). */
  mark(userId: string): void;
}

export function createCooldown(seconds: number, now: () => number = Date.now): Cooldown {
  const windowMs = seconds * 1000;
  const last = new Map<string, number>();
  return {
    check(userId) {
      const previous = last.get(userId);
      const elapsed = previous === undefined ? Infinity : now() - previous;
      return elapsed < windowMs ? { ok: false, retryAfterMs: windowMs - elapsed } : { ok: true };
    },
    mark(userId) {
      if (windowMs <= 0) return;
      const t = now();
      last.set(userId, t);
      // Forget users whose cooldown is over so the map stays small on a busy server.
      if (last.size > 1000) for (const [id, at] of last) if (t - at >= windowMs) last.delete(id);
    },
  };
}
