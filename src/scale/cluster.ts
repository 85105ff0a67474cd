// The gateway shard's side of scale-out: admit a question (shared cooldown, real backlog), enqueue
// it for the answer workers, read the workers for /status, fan /reindex out, and keep the announced
// article list for /articles and autocomplete. Holds no index and no models.
import type { Config } from "../config/index.js";
import type { Logger } from "../log.js";
import type { ArticleInfo } from "../types.js";
import { admit } from "./admission.js";
import { redisCooldownStore, type CooldownStore } from "./cooldown-store.js";
import { bullJobQueue } from "./job-queue.js";
import { readAnnouncement, type Announcement } from "./knowledge-board.js";
import { connectRedis, keys } from "./redis-connection.js";
import { requestReindex, type ReindexOutcome } from "./reindex-fanout.js";
import { redisReplyLedger } from "./reply-ledger.js";
import { sweepStranded, type StrandedSweep } from "./stranded-questions.js";
import type { ReplyTarget, WorkJob, WorkSpec } from "./work.js";
import { listWorkers, type WorkerInfo } from "./worker-registry.js";
import { countWorkers, watchWorkers, type WorkerCount } from "./worker-watch.js";

export type Admission = { kind: "accepted" } | { kind: "refused"; message: string };

export interface ClusterStatus {
  workers: WorkerInfo[];
  backlog: number;
  announced: Pick<Announcement, "version" | "by" | "at"> | null;
}

export interface Cluster {
  /** Admission by the real backlog, then the shared cooldown (for questions); a refusal carries the words to show. */
  admit(userId: string, options: { cooldown: boolean }): Promise<Admission>;
  /** Queues accepted work for the answer workers (waits for Redis while it restarts). */
  enqueue(question: { id: string; userId: string; work: WorkSpec; target: ReplyTarget }): Promise<void>;
  /** Whether Redis answers right now (while it restarts, questions wait for it instead of being refused). */
  readonly connected: boolean;
  status(): Promise<ClusterStatus>;
  /** /reindex on every live worker; waits at most REINDEX_WAIT_MS, and not for workers that stop heartbeating. */
  reindex(): Promise<ReindexOutcome>;
  /** Live and ready workers as last read (every heartbeat); null while Redis has not answered. */
  workerCount(): WorkerCount | null;
  /** The announced article list (refreshed every few seconds). */
  articles(): ArticleInfo[];
  /** Once no worker has been alive for a while, each question still queued is taken out and handed
   *  to `tell` (by exactly one gateway), so its asker is not left waiting (stranded-questions.ts). */
  onStranded(tell: (job: WorkJob) => Promise<void>): void;
  close(): Promise<void>;
}

export type ClusterSettings = Pick<Config, "REDIS_PREFIX" | "ASK_COOLDOWN_SECONDS" | "QUEUE_MAX_WAITING" | "JOB_ATTEMPTS"> & {
  REDIS_URL: string;
};

const CATALOG_REFRESH_MS = 3000;
export const NO_WORKER_REPLY = "No answer worker is running right now, so nobody can answer. Try again later.";
/** A reindex of a large folder can take a while; a dead worker is not waited for (reindex-fanout). */
const REINDEX_WAIT_MS = 120_000;

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export async function connectCluster(
  settings: ClusterSettings,
  logger: Logger,
  options: { cooldowns?: CooldownStore; strandedAfterMs?: number; workerReadMs?: number } = {},
): Promise<Cluster> {
  const k = keys(settings.REDIS_PREFIX);
  const redis = connectRedis(settings.REDIS_URL, logger, "gateway");
  const blocking = connectRedis(settings.REDIS_URL, logger, "gateway-blocking");
  const queue = bullJobQueue(redis, { prefix: settings.REDIS_PREFIX, name: k.queue, attempts: settings.JOB_ATTEMPTS });
  const cooldowns = options.cooldowns ?? redisCooldownStore(redis, k.cooldown, settings.ASK_COOLDOWN_SECONDS);
  let catalog: Announcement | null = null;

  const refreshCatalog = async () => {
    const a = await readAnnouncement(redis, k).catch(() => null);
    if (a && a.version !== catalog?.version) catalog = a;
  };
  await refreshCatalog();
  const timer = setInterval(() => void refreshCatalog(), CATALOG_REFRESH_MS);
  timer.unref();

  const watch = watchWorkers(redis, k, options.workerReadMs);
  let stranded: StrandedSweep | undefined;

  const backlog = async () => {
    const [jobs, workers] = await Promise.all([queue.depth(), listWorkers(redis, k)]);
    const count = countWorkers(workers, Date.now());
    const perSecond = workers.filter((w) => w.state === "ready").reduce((s, w) => s + w.perSecond, 0);
    // No live worker: refused at once with words (admission), never queued to wait for a timeout.
    return { jobs, workers: count.live, perSecond };
  };

  return {
    get connected() {
      return redis.status === "ready";
    },
    async admit(userId, options) {
      // While Redis is restarting the checks would wait for it: take the question and let it queue.
      if (redis.status !== "ready") return { kind: "accepted" };
      const room = admit(await backlog(), settings.QUEUE_MAX_WAITING);
      if (!room.ok) {
        const message =
          room.reason === "no-workers"
            ? NO_WORKER_REPLY
            : `Newsdesk is busy with other questions. Try again in about ${seconds(room.retryAfterMs)} s.`;
        return { kind: "refused", message };
      }
      if (options.cooldown) {
        const check = await cooldowns.take(userId);
        if (!check.ok) return { kind: "refused", message: `You are asking quickly. Try again in ${seconds(check.retryAfterMs)} s.` };
      }
      return { kind: "accepted" };
    },
    async enqueue(q) {
      await queue.enqueue({ ...q, enqueuedAt: Date.now() });
    },
    async status() {
      const [workers, jobs, announced] = await Promise.all([listWorkers(redis, k), queue.depth(), readAnnouncement(redis, k)]);
      return { workers, backlog: jobs, announced: announced && { version: announced.version, by: announced.by, at: announced.at } };
    },
    async reindex() {
      const live = (await listWorkers(redis, k)).filter((w) => w.state !== "stopping").map((w) => w.id);
      const stillLive = async () => new Set((await listWorkers(redis, k)).map((w) => w.id));
      const result = await requestReindex(redis, blocking, k, live, REINDEX_WAIT_MS, stillLive);
      await refreshCatalog();
      return result;
    },
    workerCount: () => watch.snapshot(),
    articles: () => catalog?.articles ?? [],
    onStranded(tell) {
      stranded?.close();
      stranded = sweepStranded(queue.queue, redisReplyLedger(redis, k.reply), watch.snapshot, tell, logger, {
        ...(options.strandedAfterMs !== undefined
          ? { afterMs: options.strandedAfterMs, everyMs: Math.min(5000, options.strandedAfterMs) }
          : {}),
      });
    },
    async close() {
      clearInterval(timer);
      watch.close();
      stranded?.close();
      await queue.close();
      redis.disconnect();
      blocking.disconnect();
    },
  };
}
