// The question queue behind one interface. In one process the bot's in-memory queue (src/discord/
// queue.ts) stays as it is; with REDIS_URL it is a BullMQ queue, which keeps jobs through a Redis
// restart (append-only file), retries a job whose worker died (stalled-job recovery) and ignores a
// second enqueue of the same question (the job id is the question's id).
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { WorkJob } from "./work.js";

export interface JobQueue {
  enqueue(job: WorkJob): Promise<void>;
  /** Jobs waiting or being answered. */
  depth(): Promise<number>;
  close(): Promise<void>;
}

export interface BullQueueOptions {
  prefix: string;
  name: string;
  attempts: number;
}

export function bullJobOptions(id: string, attempts: number) {
  return {
    jobId: `q-${id}`,
    attempts,
    backoff: { type: "exponential" as const, delay: 500 },
    removeOnComplete: { age: 3600, count: 5000 },
    removeOnFail: { age: 86_400 },
  };
}

export function bullJobQueue(connection: Redis, options: BullQueueOptions): JobQueue & { queue: Queue<WorkJob> } {
  const queue = new Queue<WorkJob>(options.name, { connection, prefix: options.prefix });
  // Connection trouble is logged once by the connection itself (redis-connection.ts); BullMQ would
  // otherwise print every reconnect attempt.
  queue.on("error", () => undefined);
  return {
    queue,
    async enqueue(job) {
      await queue.add(job.work.kind, job, bullJobOptions(job.id, options.attempts));
    },
    async depth() {
      const counts = await queue.getJobCounts("waiting", "active", "prioritized", "delayed");
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    close: () => queue.close(),
  };
}
