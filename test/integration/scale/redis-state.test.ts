// The shared state on a real redis-server of its own: cooldowns and reply claims are atomic across
// clients, and queued jobs survive a Redis restart.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisCooldownStore } from "../../../src/scale/cooldown-store.js";
import { bullJobQueue } from "../../../src/scale/job-queue.js";
import { keys } from "../../../src/scale/redis-connection.js";
import { reportReindex, requestReindex, type ReindexRequest } from "../../../src/scale/reindex-fanout.js";
import { redisReplyLedger } from "../../../src/scale/reply-ledger.js";
import { listWorkers, publishWorker, removeWorker, type WorkerInfo } from "../../../src/scale/worker-registry.js";
import { startRedis, type TestRedis } from "../../helpers/redis-server.js";

let redis: TestRedis;
const clients: Redis[] = [];
const client = () => {
  const c = new Redis(redis.url, { maxRetriesPerRequest: null });
  c.on("error", () => undefined);
  clients.push(c);
  return c;
};
const k = keys("t");

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  clients.forEach((c) => c.disconnect());
  await redis.stop();
});

describe("Redis-backed shared state", () => {
  it("lets a user in once per cooldown, whichever gateway asks", async () => {
    const one = redisCooldownStore(client(), k.cooldown, 30);
    const two = redisCooldownStore(client(), k.cooldown, 30);
    const results = await Promise.all([one.take("alice"), two.take("alice"), one.take("alice"), two.take("bob")]);
    expect(results.filter((r) => r.ok)).toHaveLength(2); // alice once, bob once
    const refused = results.find((r) => !r.ok) as { retryAfterMs: number };
    expect(refused.retryAfterMs).toBeGreaterThan(25_000);
  });

  it("gives a reply claim to exactly one of many workers, and says so once sent", async () => {
    const ledgers = [client(), client(), client()].map((c) => redisReplyLedger(c, k.reply));
    const claims = await Promise.all(ledgers.map((l, i) => l.claim("q1", `w${i}`, 5000)));
    expect(claims.filter((c) => c === "claimed")).toHaveLength(1);
    const winner = claims.indexOf("claimed");
    await ledgers[(winner + 1) % 3]!.release("q1", `w${(winner + 1) % 3}`); // not its claim: kept
    expect(await ledgers[0]!.claim("q1", "late", 5000)).toBe("busy");
    await ledgers[winner]!.markSent("q1");
    expect(await ledgers[1]!.claim("q1", "late", 5000)).toBe("sent");
  });

  it("forgets a worker that stopped reporting", async () => {
    const c = client();
    const info: WorkerInfo = {
      id: "w1",
      host: "h",
      pid: 1,
      mode: "lexical",
      state: "ready",
      knowledgeVersion: "v",
      concurrency: 1,
      active: 0,
      answered: 0,
      perSecond: 0,
      startedAt: 0,
      seenAt: 0,
    };
    await publishWorker(c, k, info);
    await publishWorker(c, k, { ...info, id: "w2" });
    expect((await listWorkers(c, k)).map((w) => w.id)).toEqual(["w1", "w2"]);
    await c.del(k.worker("w2")); // as when its record expires
    expect((await listWorkers(c, k)).map((w) => w.id)).toEqual(["w1"]);
    await removeWorker(c, k, "w1");
    expect(await listWorkers(c, k)).toEqual([]);
  });

  it("/reindex fan-out stops waiting for a worker whose heartbeat expired, and names it gone", async () => {
    const c = client();
    const sub = client();
    const live = new Set(["a", "b", "dead"]);
    // "a" reports at once, "b" is live but silent; "dead" stops heartbeating after 1.5 s.
    // Reports are awaited before the test ends: one still in flight when afterAll closes the
    // connection would reject with "Connection is closed." outside any test.
    const reports: Promise<unknown>[] = [];
    await sub.subscribe(k.reindexChannel);
    sub.on("message", (_channel, message) => {
      const { requestId } = JSON.parse(message) as ReindexRequest;
      const report = { added: [], changed: [], removed: [], unchanged: 1, problems: [], passages: 3 };
      reports.push(reportReindex(c, k, requestId, { worker: "a", kind: "done", report, knowledgeVersion: "v1" }));
    });
    setTimeout(() => live.delete("dead"), 1500);
    const started = Date.now();
    const outcome = await requestReindex(c, client(), k, ["a", "b", "dead"], 6000, async () => live);
    const tookMs = Date.now() - started;
    expect(outcome.reports.map((r) => r.worker)).toEqual(["a"]);
    expect(outcome.gone).toEqual(["dead"]);
    expect(outcome.missing).toEqual(["b"]); // live to the end: waited for until the deadline
    expect(tookMs).toBeGreaterThanOrEqual(5500);

    // With only the dead one left, the wait ends soon after its heartbeat does, far before the deadline.
    live.add("dead");
    setTimeout(() => live.delete("dead"), 500);
    const quick = Date.now();
    const alone = await requestReindex(c, client(), k, ["a", "dead"], 60_000, async () => live);
    expect(alone).toMatchObject({ missing: [], gone: ["dead"] });
    expect(Date.now() - quick).toBeLessThan(5000);
    await sub.unsubscribe(k.reindexChannel);
    await Promise.all(reports);
  }, 20_000);

  it("keeps queued questions through a Redis restart, and ignores a second enqueue of the same one", async () => {
    const queue = bullJobQueue(client(), { prefix: "t", name: "questions", attempts: 3 });
    const job = (id: string) => ({
      id,
      userId: "u",
      work: { kind: "ask" as const, question: "who?" },
      target: { kind: "message" as const, channelId: "1", messageId: id },
      enqueuedAt: Date.now(),
    });
    await queue.enqueue(job("m1"));
    await queue.enqueue(job("m1"));
    await queue.enqueue(job("m2"));
    expect(await queue.depth()).toBe(2);
    await redis.restart();
    // The same client reconnects by itself and finds both jobs.
    expect(await queue.depth()).toBe(2);
    const reader = new Queue("questions", { connection: client(), prefix: "t" });
    expect((await reader.getWaiting()).map((j) => j.data.id).sort()).toEqual(["m1", "m2"]);
    await reader.close();
    await queue.close();
  });
});
