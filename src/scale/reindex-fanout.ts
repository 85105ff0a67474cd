// /reindex on every worker: the gateway publishes one request, each worker re-reads its knowledge
// folder and pushes its report to a list the gateway reads until every worker still live has answered (a worker
// whose heartbeat expires meanwhile is reported gone, not waited for).
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ReindexReport } from "../types.js";
import type { Keys } from "./redis-connection.js";

export type WorkerReindex =
  { worker: string; kind: "done"; report: ReindexReport; knowledgeVersion: string } | { worker: string; kind: "failed"; error: string };

export interface ReindexRequest {
  requestId: string;
}

export interface ReindexOutcome {
  reports: WorkerReindex[];
  /** Still live (heartbeating) at the deadline, but no report. */
  missing: string[];
  /** Stopped heartbeating before they reported (died or stopped): not waited for. */
  gone: string[];
}

/** How often the wait re-reads which workers are live, so a dead one does not hold it to the deadline. */
export const LIVENESS_CHECK_MS = 1000;

/**
 * Publishes one request and collects a report from each expected worker until the deadline. Every
 * LIVENESS_CHECK_MS it asks `live()` which workers still heartbeat, and stops waiting for the others.
 */
export async function requestReindex(
  redis: Redis,
  blocking: Redis,
  k: Keys,
  expected: readonly string[],
  timeoutMs: number,
  live: () => Promise<ReadonlySet<string>>,
): Promise<ReindexOutcome> {
  const request: ReindexRequest = { requestId: randomUUID() };
  const list = k.reindexReports(request.requestId);
  await redis.publish(k.reindexChannel, JSON.stringify(request));
  const reports: WorkerReindex[] = [];
  const gone: string[] = [];
  const deadline = Date.now() + timeoutMs;
  const waiting = new Set(expected);
  while (waiting.size && Date.now() < deadline) {
    const slice = Math.min(LIVENESS_CHECK_MS, deadline - Date.now());
    const got = await blocking.blpop(list, Math.max(0.1, slice / 1000));
    if (got) {
      const report = JSON.parse(got[1]) as WorkerReindex;
      reports.push(report);
      waiting.delete(report.worker);
      continue;
    }
    // Nothing this slice: drop the workers whose heartbeat has expired. A report they pushed
    // just before dying is still read first, because the list is drained before this check.
    const alive = await live();
    for (const id of [...waiting]) {
      if (!alive.has(id)) {
        waiting.delete(id);
        gone.push(id);
      }
    }
  }
  await redis.del(list);
  return { reports, missing: [...waiting], gone };
}

export async function reportReindex(redis: Redis, k: Keys, requestId: string, report: WorkerReindex): Promise<void> {
  const list = k.reindexReports(requestId);
  await redis.multi().rpush(list, JSON.stringify(report)).expire(list, 600).exec();
}
