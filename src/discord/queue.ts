// Inference queue: bounded concurrency, and admission by expected wait. A job is taken when the
// wait it would have (jobs ahead × measured service time ÷ concurrency) is within `maxWaitMs`, so
// a burst of quick questions is taken whole while slow ones are refused early. A refusal is an
// answer, with the time after which the wait should be short enough again. Pure apart from timers
// it does not own (the clock is injected).

export interface QueueOptions {
  concurrency: number;
  /** Longest expected wait a new job is admitted with (default 30 s). */
  maxWaitMs?: number;
  /** Hard cap on waiting jobs whatever the estimate says (memory). */
  maxWaiting: number;
  /** Assumed job length before any has finished (default 200 ms: a lexical answer takes a few ms,
   *  a model answer a few hundred; the average follows the measured lengths within a few jobs). */
  initialJobMs?: number;
  now?: () => number;
}

export type Admission<T> =
  | { kind: "accepted"; result: Promise<T>; ahead: number; expectedWaitMs: number }
  | { kind: "full"; retryAfterMs: number }
  | { kind: "closed" };

export interface Queue {
  submit<T>(job: () => Promise<T>): Admission<T>;
  /** Stops accepting jobs; resolves when every accepted job has settled. */
  drain(): Promise<void>;
  readonly running: number;
  readonly waiting: number;
  /** The moving average of job lengths (ms) admission uses. */
  readonly serviceMs: number;
}

/** Weight of the newest job in the moving average: about the last ten jobs count. */
const ALPHA = 0.2;

export function createQueue(options: QueueOptions): Queue {
  const now = options.now ?? Date.now;
  const waiting: (() => void)[] = [];
  let running = 0;
  let closed = false;
  let serviceMs = options.initialJobMs ?? 200;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  let idle: (() => void) | null = null;

  const next = () => {
    if (running < options.concurrency && waiting.length) waiting.shift()!();
    else if (running === 0 && !waiting.length && idle) idle();
  };
  /** The wait of a job submitted now: everyone ahead finishes, `concurrency` at a time. */
  const expectedWait = () => (running < options.concurrency ? 0 : ((waiting.length + 1) * serviceMs) / options.concurrency);

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    get serviceMs() {
      return serviceMs;
    },
    submit<T>(job: () => Promise<T>): Admission<T> {
      if (closed) return { kind: "closed" };
      const wait = expectedWait();
      if (wait > maxWaitMs) return { kind: "full", retryAfterMs: Math.round(wait - maxWaitMs) };
      if (running >= options.concurrency && waiting.length >= options.maxWaiting) return { kind: "full", retryAfterMs: Math.round(wait) };
      const ahead = running < options.concurrency ? 0 : waiting.length;
      const result = new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          const began = now();
          Promise.resolve()
            .then(job)
            .then(resolve, reject)
            .finally(() => {
              serviceMs = serviceMs * (1 - ALPHA) + (now() - began) * ALPHA;
              running--;
              next();
            });
        };
        if (running < options.concurrency) start();
        else waiting.push(start);
      });
      return { kind: "accepted", result, ahead, expectedWaitMs: Math.round(wait) };
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
