// An answer worker: takes questions from the Redis queue, answers them from its own index replica
// and delivers each reply itself through Discord's REST API, exactly once. It takes jobs only while
// its index matches the announced knowledge version, reports itself every few seconds for /status and
// admission, and runs /reindex when a gateway fans one out.
import { hostname } from "node:os";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { DeliveryError } from "../errors.js";
import { withFields, type Logger } from "../log.js";
import { announce, readAnnouncement } from "../scale/knowledge-board.js";
import { connectRedis, keys } from "../scale/redis-connection.js";
import { reportReindex, type ReindexRequest } from "../scale/reindex-fanout.js";
import { redisReplyLedger, type ReplyLedger } from "../scale/reply-ledger.js";
import type { WorkJob } from "../scale/work.js";
import { HEARTBEAT_MS, publishWorker, removeWorker, type WorkerInfo, type WorkerState } from "../scale/worker-registry.js";
import type { Newsdesk } from "../types.js";
import { INTERACTION_TOKEN_MS, type Delivery } from "../discord/delivery/rest-delivery.js";
import { replicaStep } from "./replica.js";
import { replyFor } from "./reply-for.js";
import { textReply, type ReplyBody } from "../discord/format/reply-body.js";

export interface AnswerWorkerSettings {
  redisUrl: string;
  prefix: string;
  workerId?: string;
  concurrency: number;
  lockSeconds: number;
}

export interface AnswerWorker {
  readonly id: string;
  readonly state: WorkerState;
  /** Finish the jobs in hand (others go back to the queue), leave /status, close connections. */
  stop(): Promise<void>;
}

const LOST = "answer lost: Discord did not take it in time";
const FAILED_FOR_GOOD = "Something went wrong while answering that, and retrying did not help. Please ask again later.";

export async function startAnswerWorker(
  settings: AnswerWorkerSettings,
  newsdesk: Newsdesk,
  delivery: Delivery,
  logger: Logger,
): Promise<AnswerWorker> {
  const id = settings.workerId ?? `${hostname()}:${process.pid}`;
  const log = withFields(logger, { worker: id });
  const k = keys(settings.prefix);
  const redis = connectRedis(settings.redisUrl, log, "worker");
  const subscriber = connectRedis(settings.redisUrl, log, "worker-subscriber");
  const bullConnection = connectRedis(settings.redisUrl, log, "worker-jobs");
  const ledger: ReplyLedger = redisReplyLedger(redis, k.reply);
  const startedAt = Date.now();
  let state: WorkerState = "starting";
  let behind: string | undefined;
  let active = 0;
  let answered = 0;
  let averageMs = 0;
  let previousOwn: string | undefined = newsdesk.status().knowledgeVersion;
  let lastCatchUp = 0;

  // A claim lapses as a job lock does: a sender silent that long is taken for dead.
  const claimMs = settings.lockSeconds * 1000;

  /** Sends `body` unless this question already has its reply ("busy": another worker is sending it now).
   *  `restarted`: an earlier attempt may have sent before dying, so look at Discord first. */
  async function send(job: WorkJob, body: ReplyBody, owner: string, restarted: boolean): Promise<"sent" | "already" | "busy"> {
    const claim = await ledger.claim(job.id, owner, claimMs);
    if (claim !== "claimed") return claim === "sent" ? "already" : "busy";
    try {
      if (restarted && (await delivery.delivered(job.target))) {
        await ledger.markSent(job.id);
        return "already";
      }
      await delivery.send(job.target, body, job);
    } catch (error) {
      await ledger.release(job.id, owner);
      throw error;
    }
    await ledger.markSent(job.id);
    return "sent";
  }

  async function answerJob(job: Job<WorkJob>, token?: string): Promise<string> {
    const data = job.data;
    if (data.target.kind === "interaction" && Date.now() - data.enqueuedAt > INTERACTION_TOKEN_MS) {
      log.warn("question older than its interaction token; dropped", { question: data.id });
      return "expired";
    }
    active++;
    const began = performance.now();
    try {
      const body = await replyFor(newsdesk, data.work);
      const outcome = await send(data, body, `${id}:${job.attemptsStarted}`, job.attemptsStarted > 1).catch((error: unknown) => {
        if (!(error instanceof DeliveryError)) throw error;
        // Retried by the delivery policy until Discord's window closed: another try would fail the same way.
        log.error("answer lost: Discord did not take it before its window closed", { question: data.id, error });
        throw new UnrecoverableError(LOST);
      });
      if (outcome === "busy") {
        // Another worker holds the send: look again shortly, without spending one of the job's tries.
        await job.moveToDelayed(Date.now() + 1000, token);
        throw new DelayedError();
      }
      const ms = performance.now() - began;
      averageMs = averageMs ? averageMs * 0.9 + ms * 0.1 : ms;
      answered++;
      log.info(outcome === "sent" ? "answered" : "already answered; not sent again", {
        question: data.id,
        kind: data.work.kind,
        attempt: job.attemptsStarted,
        ms: Math.round(ms),
        queuedMs: Date.now() - data.enqueuedAt - Math.round(ms),
      });
      return outcome;
    } finally {
      active--;
    }
  }

  const worker = new Worker<WorkJob>(k.queue, answerJob, {
    connection: bullConnection,
    prefix: settings.prefix,
    name: id,
    concurrency: settings.concurrency,
    lockDuration: settings.lockSeconds * 1000,
    stalledInterval: Math.max(1000, (settings.lockSeconds * 1000) / 2),
    // A job whose worker died twice is failed, and its asker told, rather than passed round for ever.
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on("error", (error) => log.warn("queue worker error", { error }));
  worker.on("failed", (job, error) => {
    if (!job) return;
    if (error.message === LOST) return; // logged where it happened; telling the asker would fail the same way
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(error.message);
    log[final ? "error" : "warn"](final ? "question failed for good; telling the asker" : "question failed; will retry", {
      question: job.data.id,
      attempt: job.attemptsMade,
      error,
    });
    if (!final) return;
    send(job.data, textReply(FAILED_FOR_GOOD), `${id}:failed`, true).catch((e: unknown) =>
      log.error("could not tell the asker their question failed", { question: job.data.id, error: e }),
    );
  });

  const info = (): WorkerInfo => {
    const s = newsdesk.status();
    return {
      id,
      host: hostname(),
      pid: process.pid,
      mode: s.mode,
      state,
      ...(behind ? { behind } : {}),
      knowledgeVersion: s.knowledgeVersion,
      concurrency: settings.concurrency,
      active,
      answered,
      perSecond: averageMs ? (settings.concurrency * 1000) / averageMs : 0,
      startedAt,
      seenAt: Date.now(),
    };
  };

  /** Compares this replica with the announced version; takes jobs only when they match. */
  async function syncReplica(): Promise<void> {
    if (state === "stopping") return;
    const status = newsdesk.status();
    const own = status.knowledgeVersion;
    const announced = await readAnnouncement(redis, k);
    const step = replicaStep(own, previousOwn, announced?.version ?? null);
    previousOwn = own;
    if (step.kind === "announce") {
      const won = await announce(
        redis,
        k,
        { version: own, by: id, at: Date.now(), articles: newsdesk.articles() },
        { firstOnly: step.first },
      );
      if (won) log.info("announced the knowledge version", { version: own, articles: status.articles });
      return syncReplica();
    }
    if (step.kind === "ready") {
      behind = undefined;
      if (state !== "ready") {
        state = "ready";
        log.info("index matches the announced knowledge; taking questions", { version: own });
        if (worker.isPaused()) await worker.resume();
        else if (!worker.isRunning()) void worker.run().catch((error) => log.error("queue worker stopped", { error }));
      }
      return;
    }
    if (state === "ready") {
      log.warn("index behind the announced knowledge; not taking questions until it catches up", { reason: step.reason });
      await worker.pause(true);
    }
    state = "behind";
    behind = step.reason;
    // Catch up from this machine's folder now and then (a watcher may miss a network file system).
    if (Date.now() - lastCatchUp > 5000) {
      lastCatchUp = Date.now();
      await reindexQuietly();
    }
  }

  let reindexing: Promise<unknown> = Promise.resolve();
  const reindexQuietly = () => {
    const run = reindexing.then(() => newsdesk.reindex());
    reindexing = run.catch(() => undefined);
    return run.catch((error: unknown) => log.error("re-reading the knowledge folder failed", { error }));
  };

  await subscriber.subscribe(k.reindexChannel);
  subscriber.on("message", (_channel, raw) => {
    const request = JSON.parse(raw) as ReindexRequest;
    const run = reindexing.then(() => newsdesk.reindex());
    reindexing = run.catch(() => undefined);
    void run
      .then(async (report) => {
        // Announces at once when this folder changed, so the report shows the others catching up.
        await syncReplica();
        await reportReindex(redis, k, request.requestId, {
          worker: id,
          kind: "done",
          report,
          knowledgeVersion: newsdesk.status().knowledgeVersion,
        });
      })
      .catch(async (error: unknown) => {
        log.error("reindex requested from Discord failed", { error });
        await reportReindex(redis, k, request.requestId, { worker: id, kind: "failed", error: String((error as Error)?.message ?? error) });
      })
      .catch(() => undefined);
  });

  const beat = async () => {
    try {
      await syncReplica();
      if (state !== "stopping") await publishWorker(redis, k, info());
    } catch (error) {
      log.warn("worker heartbeat failed", { error });
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);

  return {
    id,
    get state() {
      return state;
    },
    async stop() {
      clearInterval(timer);
      state = "stopping";
      await removeWorker(redis, k, id).catch(() => undefined);
      await worker.close();
      await reindexing;
      redis.disconnect();
      subscriber.disconnect();
      bullConnection.disconnect();
    },
  };
}
