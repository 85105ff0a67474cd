// Per-host spacing of requests: each host sees at most one request per `delayMs` (or the
// site's Crawl-delay, or longer after a 429/503 with Retry-After). Hosts do not wait for each other.

export interface HostLimiter {
  /** Resolves when a request to `host` may start, and books that slot. */
  wait(host: string): Promise<void>;
  /** No request to `host` before `ms` from now (Retry-After), and at least `delayMs` apart after. */
  pause(host: string, ms: number): void;
  setDelay(host: string, ms: number): void;
}

export function createHostLimiter(delayMs: number, now: () => number = Date.now): HostLimiter {
  const next = new Map<string, number>();
  const delays = new Map<string, number>();
  return {
    async wait(host) {
      const at = Math.max(now(), next.get(host) ?? 0);
      next.set(host, at + (delays.get(host) ?? delayMs));
      const ms = at - now();
      if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    },
    pause(host, ms) {
      next.set(host, Math.max(next.get(host) ?? 0, now() + ms));
    },
    setDelay(host, ms) {
      delays.set(host, Math.max(delayMs, ms));
    },
  };
}
