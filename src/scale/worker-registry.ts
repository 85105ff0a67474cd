// Which answer workers are alive and how they are doing: each worker rewrites its record every few
// seconds with a short time-to-live, so a worker that died drops out of /status by itself.
import type { Redis } from "ioredis";
import type { Mode } from "../types.js";
import type { Keys } from "./redis-connection.js";

export type WorkerState = "starting" | "ready" | "behind" | "stopping";

export interface WorkerInfo {
  id: string;
  host: string;
  pid: number;
  mode: Mode;
  state: WorkerState;
  /** Why the worker is behind, in words (state "behind" only). */
  behind?: string;
  knowledgeVersion: string;
  concurrency: number;
  /** Jobs it is answering now. */
  active: number;
  answered: number;
  /** Recent questions a second it can answer (concurrency / average job time); 0 before the first. */
  perSecond: number;
  startedAt: number;
  seenAt: number;
}

export const HEARTBEAT_MS = 2000;
const TTL_MS = HEARTBEAT_MS * 5;

export async function publishWorker(redis: Redis, k: Keys, info: WorkerInfo): Promise<void> {
  await redis.multi().set(k.worker(info.id), JSON.stringify(info), "PX", TTL_MS).sadd(k.workers, info.id).exec();
}

export async function removeWorker(redis: Redis, k: Keys, id: string): Promise<void> {
  await redis.multi().del(k.worker(id)).srem(k.workers, id).exec();
}

/** Live workers, by id; forgets ids whose record has expired. */
export async function listWorkers(redis: Redis, k: Keys): Promise<WorkerInfo[]> {
  const ids = await redis.smembers(k.workers);
  if (!ids.length) return [];
  const records = await redis.mget(...ids.map((id) => k.worker(id)));
  const gone = ids.filter((_, i) => records[i] === null);
  if (gone.length) await redis.srem(k.workers, ...gone);
  return records
    .filter((r): r is string => r !== null)
    .map((r) => JSON.parse(r) as WorkerInfo)
    .sort((a, b) => a.id.localeCompare(b.id));
}
