// Retrying a send to Discord while a deadline allows: exponential backoff with jitter, only for
// failures that may pass (5xx, 429, network). Pure apart from the injected clock and sleep.

export interface RetryOptions {
  /** No attempt starts after this time (ms since epoch). */
  deadline: number;
  firstDelayMs: number;
  maxDelayMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait, for the log. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export type Retried<T> =
  { kind: "sent"; value: T; attempts: number } | { kind: "gave-up"; error: unknown; attempts: number; reason: "deadline" | "permanent" };

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Whether a failed request may succeed if tried again: Discord's 5xx and 429, timeouts, network errors. */
export function isTransient(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  if (!e || typeof e !== "object") return false;
  if (typeof e.status === "number") return e.status >= 500 || e.status === 429;
  // No HTTP status: the request never got an answer (refused, reset, aborted by the timeout).
  return e.name === "AbortError" || e.name === "TimeoutError" || typeof e.code === "string" || typeof e.cause?.code === "string";
}

export function backoffMs(attempt: number, first: number, max: number, random: () => number = Math.random): number {
  const base = Math.min(max, first * 2 ** (attempt - 1));
  // ±20 % so replies that failed together do not retry in lockstep.
  return Math.round(base * (0.8 + 0.4 * random()));
}

export async function retryUntil<T>(send: () => Promise<T>, options: RetryOptions): Promise<Retried<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return { kind: "sent", value: await send(), attempts: attempt };
    } catch (error) {
      if (!isTransient(error)) return { kind: "gave-up", error, attempts: attempt, reason: "permanent" };
      const delay = backoffMs(attempt, options.firstDelayMs, options.maxDelayMs);
      if (now() + delay >= options.deadline) return { kind: "gave-up", error, attempts: attempt, reason: "deadline" };
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
