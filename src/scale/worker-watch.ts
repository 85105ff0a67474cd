// How many answer workers are alive, read from the worker registry every heartbeat, for /healthz of
// a gateway: with no live worker a question cannot be answered, so the gateway is not healthy and
// says why (the asker is told at once by admission; see admission.ts).
import type { Redis } from "ioredis";
import type { Keys } from "./redis-connection.js";
import { HEARTBEAT_MS, listWorkers, type WorkerInfo } from "./worker-registry.js";

export interface WorkerCount {
  /** Heartbeating and not stopping: will answer (now, or once its index catches up). */
  live: number;
  /** Taking questions now. */
  ready: number;
  /** When this was read (ms since the epoch). */
  at: number;
}

export const NO_WORKER = "no answer worker is running";

export function countWorkers(workers: readonly WorkerInfo[], at: number): WorkerCount {
  const live = workers.filter((w) => w.state !== "stopping");
  return { live: live.length, ready: live.filter((w) => w.state === "ready").length, at };
}

/** The workers' part of a gateway's /healthz; unknown (Redis not read yet, or down) is not healthy. Pure. */
export function workersHealth(count: WorkerCount | null): { ok: boolean; workers: WorkerCount | null; problem?: string } {
  if (!count) return { ok: false, workers: null, problem: "answer workers unknown: Redis not reachable" };
  if (count.live === 0) return { ok: false, workers: count, problem: NO_WORKER };
  return { ok: true, workers: count };
}

export interface WorkerWatch {
  snapshot(): WorkerCount | null;
  /** Reads the registry now (and keeps the result for snapshot()). */
  refresh(): Promise<WorkerCount | null>;
  close(): void;
}

export function watchWorkers(redis: Redis, k: Keys, everyMs = HEARTBEAT_MS): WorkerWatch {
  let last: WorkerCount | null = null;
  const refresh = async () => {
    try {
      last = countWorkers(await listWorkers(redis, k), Date.now());
    } catch {
      // Redis down: what was read stays until it is stale.
    }
    // A count older than a few heartbeats says nothing about now.
    if (last && Date.now() - last.at > everyMs * 5) last = null;
    return last;
  };
  void refresh();
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref();
  return { snapshot: () => last, refresh, close: () => clearInterval(timer) };
}
