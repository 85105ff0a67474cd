// Questions left in the queue when the last answer worker is gone. Admission refuses new questions
// at once when no worker is alive, but those queued just before the last one died would wait,
// "thinking…", until Discord's token runs out. Once no worker has been alive for a grace period
// (longer than a restart takes), a gateway takes them out of the queue and tells each asker.
import type { Job, Queue } from "bullmq";
import type { Logger } from "../log.js";
import type { ReplyLedger } from "./reply-ledger.js";
import type { WorkJob } from "./work.js";
import type { WorkerCount } from "./worker-watch.js";

export const STRANDED_REPLY =
  "No answer worker has been running for a while, so this question could not be answered. Please ask again later.";

/** The reply ledger's owner name for a gateway telling an asker (a worker's is its id). */
const OWNER = "gateway:stranded";
/** How long the claim is held while the asker is told (Discord's retries included). */
const CLAIM_MS = 120_000;

/** Longer than a worker's restart (a new process heartbeats within seconds, even while it loads). */
export const STRANDED_AFTER_MS = 30_000;

/**
 * Since when no worker has been alive, from the last reading: unknown readings (Redis not read)
 * keep what was known, a live worker clears it. Pure.
 */
export function noWorkerSince(count: WorkerCount | null, since: number | undefined): number | undefined {
  if (!count) return since;
  if (count.live > 0) return undefined;
  return since ?? count.at;
}

export interface StrandedSweep {
  /** One look now: takes out and reports what is stranded (the timer calls this). */
  sweep(): Promise<number>;
  close(): void;
}

/**
 * Every `everyMs`, when no worker has been alive for `afterMs`, removes the questions still waiting
 * (and those a dead worker held, once its lock has run out) and hands each to `tell`. The reply
 * ledger makes it one reply per question, as between workers: a question a dying worker already
 * answered is only removed; the claim, then BullMQ refusing to remove a job a live worker holds,
 * keep two gateways (or a gateway and a worker) from both replying.
 */
export function sweepStranded(
  queue: Queue<WorkJob>,
  ledger: ReplyLedger,
  workers: () => WorkerCount | null,
  tell: (job: WorkJob) => Promise<void>,
  logger: Logger,
  options: { afterMs?: number; everyMs?: number; now?: () => number } = {},
): StrandedSweep {
  const afterMs = options.afterMs ?? STRANDED_AFTER_MS;
  const now = options.now ?? Date.now;
  let since: number | undefined;
  let running = false;

  async function remove(job: Job<WorkJob>): Promise<boolean> {
    try {
      await job.remove();
      return true;
    } catch {
      return false; // held by a live worker after all, or already gone
    }
  }

  /** Whether this gateway is to tell the job's asker; takes the job out of the queue either way it can. */
  async function takeOut(job: Job<WorkJob>): Promise<boolean> {
    const claim = await ledger.claim(job.data.id, OWNER, CLAIM_MS);
    if (claim === "busy") return false; // someone is sending; look again next time
    if (claim === "sent") {
      await remove(job); // answered just before its worker died
      return false;
    }
    if (await remove(job)) return true;
    await ledger.release(job.data.id, OWNER);
    return false;
  }

  async function sweep(): Promise<number> {
    since = noWorkerSince(workers(), since);
    if (running || since === undefined || now() - since < afterMs) return 0;
    running = true;
    let told = 0;
    try {
      const jobs = await queue.getJobs(["waiting", "prioritized", "delayed", "active"]);
      for (const job of jobs) {
        if (!job?.data || !(await takeOut(job))) continue;
        await tell(job.data)
          .then(() => ledger.markSent(job.data.id))
          .catch((error: unknown) => logger.warn("could not tell the asker no worker is running", { error, question: job.data.id }));
        told++;
      }
      if (told) logger.warn("no answer worker is running: told the askers of the questions left in the queue", { questions: told });
    } catch (error) {
      logger.warn("could not look for questions left in the queue", { error });
    } finally {
      running = false;
    }
    return told;
  }

  const timer = setInterval(() => void sweep(), options.everyMs ?? 5000);
  timer.unref();
  return { sweep, close: () => clearInterval(timer) };
}
