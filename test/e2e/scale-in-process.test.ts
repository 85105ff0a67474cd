// Scale-out pieces in this process, for what needs faults and exact timing: the real bot (discord.js)
// as a gateway on a real Redis of the test's own, and an answer worker started and stopped by the
// test. With no worker alive the asker is told at once; the worker delivers by the bot's delivery
// policy (edits retried, one follow-up, channel replies with the bot's nonce, a lost answer logged).
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { catalogNewsdesk } from "../../src/scale/catalog-newsdesk.js";
import { connectCluster, NO_WORKER_REPLY, type Cluster } from "../../src/scale/cluster.js";
import { keys } from "../../src/scale/redis-connection.js";
import { STRANDED_REPLY } from "../../src/scale/stranded-questions.js";
import { publishWorker, removeWorker, type WorkerInfo } from "../../src/scale/worker-registry.js";
import { NO_WORKER, workersHealth } from "../../src/scale/worker-watch.js";
import { startAnswerWorker, type AnswerWorker } from "../../src/worker/answer-worker.js";
import { restDelivery } from "../../src/discord/delivery/rest-delivery.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";
import { FakeDiscord } from "./fake-discord/fake-discord.js";
import { TOKEN, USERS } from "./fake-discord/world.js";
import { EPHEMERAL, embedOf, sleep, startHarness, type Harness } from "./harness.js";
import { HAFTAR, createNewsdeskDouble } from "./newsdesk-double.js";

const EDIT = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const FOLLOW_UP = /^\/webhooks\/\d+\/[^/]+$/;
const CHANNEL_POST = /^\/channels\/\d+\/messages$/;

let redis: TestRedis;
let fake: FakeDiscord;
let cluster: Cluster;
let h: Harness;
let worker: AnswerWorker | undefined;
let workerLogs: Record<string, any>[] = [];
let prefix = 0;

beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(() => redis?.stop());

async function startGateway(options: { strandedAfterMs?: number } = {}): Promise<void> {
  fake = await FakeDiscord.start();
  const settings = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: `inproc${++prefix}`,
    ASK_COOLDOWN_SECONDS: 0,
    QUEUE_MAX_WAITING: 100,
    JOB_ATTEMPTS: 3,
  };
  cluster = await connectCluster(settings, createLogger({ level: "error", format: "json", write: () => undefined }), {
    ...options,
    workerReadMs: 250,
  });
  h = await startHarness(catalogNewsdesk(cluster), { cluster }, fake);
  await fake.waitFor(() => fake.gateway.connected, 20_000, "the bot to connect");
}

/** An answer worker in this process, delivering to the fake Discord by a policy the test shortens. */
async function startWorker(policy: { tokenLifetimeMs?: number; followUpReserveMs?: number; mentionWindowMs?: number } = {}) {
  workerLogs = [];
  const logger = createLogger({ level: "debug", format: "json", write: (line) => workerLogs.push(JSON.parse(line)) });
  worker = await startAnswerWorker(
    { redisUrl: redis.url, prefix: `inproc${prefix}`, workerId: "w-test", concurrency: 2, lockSeconds: 5 },
    createNewsdeskDouble(),
    restDelivery(TOKEN, { api: fake.api, logger, policy: { firstDelayMs: 50, maxDelayMs: 400, ...policy } }),
    logger,
  );
  await fake.waitFor(() => worker!.state === "ready", 10_000, "the worker to take questions");
  await cluster.workerCount(); // the gateway's own read happens every heartbeat
}

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  const problems = fake.allProblems();
  await h.stop();
  await cluster.close();
  expect(problems).toEqual([]);
});

const ask = (question = "who accompanied Haftar?", options: Record<string, unknown> = {}) =>
  fake.interact({ kind: "slash", name: "ask", options: { question, ...options }, from: USERS.alice });

describe("no answer worker alive", () => {
  it("tells the asker at once instead of queuing; /status and the health verdict say so; a worker starting lets questions in", async () => {
    await startGateway();
    const started = Date.now();
    const i = ask();
    const refusal = await fake.answerOf(i, 5000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(i.callbacks.map((c) => c.type)).toEqual([4]); // a reply, not a deferral left "thinking"
    expect(refusal.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.content).toBe(NO_WORKER_REPLY);
    expect((await cluster.status()).backlog).toBe(0); // nothing was queued

    const status = await fake.answerOf(fake.interact({ kind: "slash", name: "status" }), 5000);
    expect(embedOf(status).description).toMatch(/No answer worker is running/);
    await sleep(2100); // one heartbeat of the gateway's worker watch
    expect(workersHealth(cluster.workerCount())).toMatchObject({ ok: false, problem: NO_WORKER, workers: { live: 0 } });

    await startWorker();
    await sleep(2100);
    expect(workersHealth(cluster.workerCount())).toMatchObject({ ok: true, workers: { live: 1, ready: 1 } });
    const answered = ask();
    expect(embedOf(await fake.answerOf(answered, 10_000)).title).toBe(HAFTAR.title);
    expect(answered.callbacks.map((c) => c.type)).toEqual([5]);

    // Its heartbeat record gone (as when it dies and the record expires): refused at once again.
    await worker!.stop();
    worker = undefined;
    const again = ask();
    expect((await fake.answerOf(again, 5000)).content).toBe(NO_WORKER_REPLY);
  }, 40_000);
});

describe("a worker delivers by the bot's delivery policy", () => {
  it("retries the edit through a 1.5 s outage and answers once, with no follow-up", async () => {
    await startGateway();
    await startWorker();
    fake.fail({ method: "PATCH", path: EDIT, status: 503, forMs: 1500 });
    const i = ask();
    expect(embedOf(await fake.answerOf(i, 15_000)).title).toBe(HAFTAR.title);
    await fake.waitFor(() => workerLogs.some((l) => l.msg === "answered"), 5000, "the worker's log line");
    await sleep(300);
    expect(i.followUps).toEqual([]);
    expect(workerLogs.some((l) => l.msg === "Discord did not take the reply; retrying")).toBe(true);
    expect(workerLogs.filter((l) => l.msg === "answered")).toHaveLength(1);
  }, 30_000);

  it("falls back to one private follow-up when editing fails for the token's whole life", async () => {
    await startGateway();
    await startWorker({ tokenLifetimeMs: 4000, followUpReserveMs: 2000 });
    fake.fail({ method: "PATCH", path: EDIT, status: 502 });
    const i = ask("who accompanied Haftar?", { private: true });
    await fake.waitFor(() => i.followUps.length > 0, 10_000, "the follow-up");
    await sleep(500);
    expect(i.followUps).toHaveLength(1);
    expect(embedOf(i.followUps[0]).title).toBe(HAFTAR.title);
    expect(i.followUps[0].flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(workerLogs.some((l) => l.msg === "answer delivered as a follow-up")).toBe(true);
  }, 30_000);

  it("replies to a mention through 503s and a lost response with one message carrying the bot's nonce", async () => {
    await startGateway();
    await startWorker();
    fake.fail({ method: "POST", path: CHANNEL_POST, status: 503, times: 2 });
    // The third try reaches Discord but its response is lost: the retry's nonce makes it a no-op.
    fake.fail({ method: "POST", path: CHANNEL_POST, status: 502, times: 1, applied: true });
    const { id } = fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    await fake.replyTo(id, 15_000);
    await sleep(800);
    const replies = fake.channelMessages.filter((m) => m.message_reference?.message_id === id);
    expect(replies).toHaveLength(1);
    expect(replies[0].nonce).toBe(`nd${id}`);
  }, 30_000);

  it("logs an answer lost when Discord takes neither edit nor follow-up, and does not retry the job", async () => {
    await startGateway();
    await startWorker({ tokenLifetimeMs: 3000, followUpReserveMs: 1500 });
    fake.fail({ method: "PATCH", path: EDIT, status: 503 });
    fake.fail({ method: "POST", path: FOLLOW_UP, status: 503 });
    const i = ask();
    await fake.waitFor(() => workerLogs.some((l) => /^answer lost/.test(l.msg)), 10_000, "the lost answer in the log");
    await sleep(1500);
    expect(i.followUps).toEqual([]);
    expect(workerLogs.filter((l) => /^answer lost/.test(l.msg))).toHaveLength(1);
    expect(workerLogs.some((l) => l.msg === "question failed; will retry")).toBe(false);
  }, 30_000);
});

async function until(test: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A worker's heartbeat record with nobody behind it: as a worker that has just died leaves it. */
function phantomWorker(): WorkerInfo {
  const now = Date.now();
  return {
    ...{ id: "w-gone", host: "elsewhere", pid: 1, mode: "lexical", state: "ready", knowledgeVersion: "v1" },
    ...{ concurrency: 1, active: 0, answered: 0, perSecond: 0, startedAt: now, seenAt: now },
  };
}

describe("questions queued when the last worker dies", () => {
  it("are taken out of the queue after the grace period and their askers told, instead of thinking until the token runs out", async () => {
    await startGateway({ strandedAfterMs: 1500 });
    const k = keys(`inproc${prefix}`);
    const own = new Redis(redis.url);
    await publishWorker(own, k, phantomWorker());
    const i = ask();
    await fake.waitFor(() => i.callbacks.length > 0, 5000, "the deferral");
    expect(i.callbacks.map((c) => c.type)).toEqual([5]); // admitted and queued: a worker was alive
    await until(async () => (await cluster.status()).backlog === 1, 5000, "the queued question");
    await removeWorker(own, k, "w-gone"); // it died; nobody will take the question
    const started = Date.now();
    const told = await fake.answerOf(i, 10_000);
    expect(told.content).toBe(STRANDED_REPLY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // not before the grace period
    expect((await cluster.status()).backlog).toBe(0);
    own.disconnect();
  }, 30_000);

  it("are answered as usual when a worker is back within the grace period", async () => {
    await startGateway({ strandedAfterMs: 4000 });
    const k = keys(`inproc${prefix}`);
    const own = new Redis(redis.url);
    await publishWorker(own, k, phantomWorker());
    const i = ask();
    await until(async () => (await cluster.status()).backlog === 1, 5000, "the queued question");
    await removeWorker(own, k, "w-gone");
    await sleep(1000);
    await startWorker();
    expect(embedOf(await fake.answerOf(i, 10_000)).title).toBe(HAFTAR.title);
    await sleep(4500);
    expect(i.original.content ?? "").not.toBe(STRANDED_REPLY);
    expect(i.followUps).toEqual([]);
    own.disconnect();
  }, 30_000);
});
