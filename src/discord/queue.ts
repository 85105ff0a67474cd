// Inference queue: bounded concurrency and bounded waiting. A full queue is an answer, not a wait:
// the caller is told, with an estimate of when a slot should be free. Pure apart from timers it
// does not own (the clock is injected).

export interface QueueOptions {
  concurrency: number;
  maxWaiting: number;
  /** Assumed job length before any has finished. */
  initialJobMs?: number;
  now?: () => number;
}

export type Admission<T> =
  { kind: "accepted"; result: Promise<T>; ahead: number } | { kind: "full"; retryAfterMs: number } | { kind: "closed" };

export interface Queue {
  submit<T>(job: () => Promise<T>): Admission<T>;
  /** Stops accepting jobs; resolves when every accepted job has settled. */
  drain(): Promise<void>;
  readonly running: number;
  readonly waiting: number;
}

export function createQueue(options: QueueOptions): Queue {
  const now = options.now ?? Date.now;
  const waiting: (() => void)[] = [];
  let running = 0;
  let closed = false;
  let averageMs = options.initialJobMs ?? 3000;
  let idle: (() => void) | null = null;

  const next = () => {
    if (running < options.concurrency && waiting.length) waiting.shift()!();
    else if (running === 0 && !waiting.length && idle) idle();
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    submit<T>(job: () => Promise<T>): Admission<T> {
      if (closed) return { kind: "closed" };
      if (running >= options.concurrency && waiting.length >= options.maxWaiting) {
        // Everyone ahead must finish, `concurrency` at a time, before a slot opens.
        const rounds = Math.ceil((waiting.length + 1) / options.concurrency);
        return { kind: "full", retryAfterMs: Math.round(rounds * averageMs) };
      }
      const ahead = running < options.concurrency ? 0 : waiting.length;
      const result = new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          const began = now();
          Promise.resolve()
            .then(job)
            .then(resolve, reject)
            .finally(() => {
              // A moving average keeps the retry estimate near recent job lengths.
              averageMs = averageMs * 0.8 + (now() - began) * 0.2;
              running--;
              next();
            });
        };
        if (running < options.concurrency) start();
        else waiting.push(start);
      });
      return { kind: "accepted", result, ahead };
    },
    drain() {
      closed = true;
      if (running === 0 && !waiting.length) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle = resolve;
      });
    },
  };
}
