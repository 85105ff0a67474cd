// /reindex on every worker: the gateway publishes one request, each worker re-reads its knowledge
// folder and pushes its report to a list the gateway reads until every live worker has answered.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { ReindexReport } from "../types.js";
import type { Keys } from "./redis-connection.js";

export type WorkerReindex =
  { worker: string; kind: "done"; report: ReindexReport; knowledgeVersion: string } | { worker: string; kind: "failed"; error: string };

export interface ReindexRequest {
  requestId: string;
}

export async function requestReindex(
  redis: Redis,
  blocking: Redis,
  k: Keys,
  expected: readonly string[],
  timeoutMs: number,
): Promise<{ reports: WorkerReindex[]; missing: string[] }> {
  const request: ReindexRequest = { requestId: randomUUID() };
  const list = k.reindexReports(request.requestId);
  await redis.publish(k.reindexChannel, JSON.stringify(request));
  const reports: WorkerReindex[] = [];
  const deadline = Date.now() + timeoutMs;
  const waiting = new Set(expected);
  while (waiting.size && Date.now() < deadline) {
    const left = Math.max(0.1, (deadline - Date.now()) / 1000);
    const got = await blocking.blpop(list, left);
    if (!got) break;
    const report = JSON.parse(got[1]) as WorkerReindex;
    reports.push(report);
    waiting.delete(report.worker);
  }
  await redis.del(list);
  return { reports, missing: [...waiting] };
}

export async function reportReindex(redis: Redis, k: Keys, requestId: string, report: WorkerReindex): Promise<void> {
  const list = k.reindexReports(requestId);
  await redis.multi().rpush(list, JSON.stringify(report)).expire(list, 600).exec();
}
