// Scale-out end to end: the real discord.js client in 2 gateway shard processes (ShardingManager)
// against the local fake Discord, answer worker processes, and a redis-server of the test's own.
// Every question is answered exactly once: under load, when a worker is SIGKILLed mid-answer, when
// Redis restarts, and a worker started late with an old copy of the knowledge catches up first.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../src/scale/redis-connection.js";
import { listWorkers } from "../../src/scale/worker-registry.js";
import { freePort, startRedis, type TestRedis } from "../helpers/redis-server.js";
import { FakeDiscord, type FakeInteraction } from "./fake-discord/fake-discord.js";
import { APP_ID, CHANNEL_2_ID, CHANNEL_ID, GUILD_2_ID, GUILD_ID, TOKEN, USERS } from "./fake-discord/world.js";
import { startProcess, sleep, until, type Proc } from "./scale-processes.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PREFIX = "e2e";
const QUESTIONS = [
  "who accompanied Haftar?",
  "where did Haftar call on Asim Munir?",
  "when did Asim Munir visit Benghazi?",
  "what did Pakistan and Libya discuss?",
  "which airbase did the delegation arrive at?",
];
const NEW_ARTICLE = {
  id: "kestrel-bridge",
  title: "Kestrel Harbour bridge reopens after repairs",
  text: "The Kestrel Harbour bridge reopened on 4 March after repairs costing 12 million pounds, the city council said. Engineers replaced the rusted cables of the bridge over the winter.",
};

let fake: FakeDiscord;
let redis: TestRedis;
let watcher: Redis;
let gateway: Proc;
const workers = new Map<string, Proc>();
const work = mkdtempSync(join(tmpdir(), "newsdesk-scale-"));
const shared = join(work, "knowledge");
const oldCopy = join(work, "knowledge-late");

const env = (extra: Record<string, string>) => ({
  HOME: work,
  DISCORD_TOKEN: TOKEN,
  DISCORD_API_URL: fake.api,
  REDIS_URL: redis.url,
  REDIS_PREFIX: PREFIX,
  ASK_COOLDOWN_SECONDS: "0",
  QUEUE_MAX_WAITING: "1000",
  JOB_LOCK_SECONDS: "2",
  WATCH_KNOWLEDGE: "poll",
  WATCH_POLL_SECONDS: "1",
  ...extra,
});

function startWorker(id: string, knowledge: string): Proc {
  const p = startProcess(id, "worker", env({ WORKER_ID: id, KNOWLEDGE_DIR: knowledge, CACHE_DIR: join(work, `cache-${id}`) }));
  workers.set(id, p);
  return p;
}

const ready = async () => (await listWorkers(watcher, keys(PREFIX))).filter((w) => w.state === "ready").map((w) => w.id);

type Asked = { kind: "slash"; i: FakeInteraction } | { kind: "mention"; id: string };

/** `count` questions spread over `ms` in ticks of 100 ms, alternating the two servers (so both
 *  shards), one in five a mention. */
async function askMany(count: number, ms: number): Promise<Asked[]> {
  const asked: Asked[] = [];
  const users = [USERS.alice, USERS.bob, USERS.admin];
  const ticks = Math.max(1, Math.round(ms / 100));
  const start = Date.now();
  for (let t = 0, n = 0; t < ticks; t++) {
    for (const end = Math.round(((t + 1) * count) / ticks); n < end; n++) {
      const second = n % 2 === 1;
      const where = { guildId: second ? GUILD_2_ID : GUILD_ID, channelId: second ? CHANNEL_2_ID : CHANNEL_ID };
      const question = QUESTIONS[n % QUESTIONS.length]!;
      const from = users[n % 3];
      if (n % 5 === 4) asked.push({ kind: "mention", id: fake.post({ content: question, mentionBot: true, from, ...where }).id });
      else asked.push({ kind: "slash", i: fake.interact({ kind: "slash", name: "ask", options: { question }, from }, where) });
    }
    // Paced by the clock, so a slow turn of the loop does not stretch the run.
    await sleep(start + (t + 1) * 100 - Date.now());
  }
  return asked;
}

const edits = (i: FakeInteraction) =>
  fake.requests.filter((r) => r.method === "PATCH" && r.path === `/webhooks/${APP_ID}/${i.token}/messages/@original`).length;
const replies = (messageId: string) => fake.channelMessages.filter((m) => m.message_reference?.message_id === messageId).length;

/** Waits for every reply, then checks each question got exactly one, with an answer in it. */
async function expectAnsweredOnce(asked: Asked[], ms: number): Promise<void> {
  await until(() => asked.every((a) => (a.kind === "slash" ? a.i.original?.edited : replies(a.id) > 0)), ms, "every reply");
  await sleep(500); // room for a duplicate to show up
  for (const a of asked) {
    if (a.kind === "slash") {
      expect(a.i.callbacks.map((c) => c.type)).toEqual([5]);
      expect(edits(a.i)).toBe(1);
      expect(a.i.original.embeds?.[0]?.title ?? a.i.original.content).toBeTruthy();
    } else {
      expect(replies(a.id)).toBe(1);
    }
  }
  expect(fake.allProblems()).toEqual([]);
}

const answeredBy = (p: Proc) => p.logs.filter((l) => l.msg === "answered").length;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  fake.shardCount = 2;
  redis = await startRedis();
  watcher = new Redis(redis.url, { maxRetriesPerRequest: null });
  watcher.on("error", () => undefined);
  cpSync(join(ROOT, "knowledge"), shared, { recursive: true });
  cpSync(join(ROOT, "knowledge"), oldCopy, { recursive: true });
  gateway = startProcess("gateway", "gateway", env({ SHARD_COUNT: "auto", HEALTH_PORT: String(await freePort()) }));
  for (const id of ["w1", "w2", "w3"]) startWorker(id, shared);
  await until(() => fake.gateway.connectedShards().length === 2, 90_000, "both shards to connect");
  await until(async () => (await ready()).length === 3, 90_000, "three workers ready");
  await sleep(1000); // the shards' command handlers are in place once READY is handled
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([...workers.values()].map((w) => w.stop()));
  watcher?.disconnect();
  await redis?.stop();
  await fake?.close();
}, 60_000);

describe("scale-out: 2 gateway shards, answer workers over Redis", () => {
  it("runs two shard processes, one per server, and reports each in /healthz", async () => {
    expect(fake.gateway.identifies.map((x) => x.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const health = gateway.logs.find((l) => l.msg === "health check listening");
    const res = await fetch(health!.url);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.shards.map((s: { id: number; ready: boolean }) => [s.id, s.ready])).toEqual([
      [0, true],
      [1, true],
    ]);
    // Each shard logs as itself.
    expect(gateway.logs.some((l) => l.msg === "connected to Discord" && JSON.stringify(l.shards) === "[1]")).toBe(true);
  });

  it("answers 300 questions asked in 10 s exactly once each", async () => {
    const started = Date.now();
    const asked = await askMany(300, 10_000);
    expect(Date.now() - started).toBeLessThan(11_500);
    await expectAnsweredOnce(asked, 60_000);
    // The work was shared out.
    for (const id of ["w1", "w2", "w3"]) expect(answeredBy(workers.get(id)!)).toBeGreaterThan(10);
  }, 120_000);

  it("hands the questions of a worker SIGKILLed mid-answer to the others, none answered twice", async () => {
    // Every REST call takes 150 ms, so every worker is always mid-answer.
    fake.restDelayMs = 150;
    const killed = workers.get("w2")!;
    const before = answeredBy(killed);
    const asking = askMany(60, 3000);
    await until(() => answeredBy(killed) > before, 10_000, "w2 to be answering");
    await sleep(500);
    killed.child.kill("SIGKILL");
    await killed.exited;
    workers.delete("w2");
    const asked = await asking;
    await expectAnsweredOnce(asked, 60_000);
    fake.restDelayMs = 0;
    // At least one question w2 held was taken over after its lock lapsed (a second start).
    const retried = [...workers.values()]
      .flatMap((w) => w.logs)
      .filter((l) => (l.msg === "answered" || /already answered/.test(l.msg)) && l.attempt > 1);
    expect(retried.length).toBeGreaterThan(0);
  }, 120_000);

  it("loses nothing when Redis restarts mid-run", async () => {
    const asking = askMany(60, 3000);
    await sleep(1000);
    await redis.restart(1000);
    const asked = await asking;
    await expectAnsweredOnce(asked, 60_000);
  }, 120_000);

  it("/reindex reaches every worker; a worker started late with an old copy stays out until its index catches up", async () => {
    writeFileSync(join(shared, `${NEW_ARTICLE.id}.md`), `---\ntitle: "${NEW_ARTICLE.title}"\n---\n${NEW_ARTICLE.text}\n`);
    const reindex = fake.interact({ kind: "slash", name: "reindex", from: USERS.admin });
    const report = await fake.answerOf(reindex, 60_000);
    expect(report.embeds[0].title).toMatch(/Reindexed on 2 workers/);
    expect(report.embeds[0].description).toMatch(/`w1` index \w+/);
    expect(report.embeds[0].description).toMatch(/`w3` index \w+/);

    const late = startWorker("w4", oldCopy);
    await until(() => late.logs.some((l) => l.msg === "answer worker started"), 60_000, "w4 to start");
    const status = await fake.answerOf(fake.interact({ kind: "slash", name: "status" }), 10_000);
    expect(status.embeds[0].description).toMatch(/`w4` .*behind/);
    const whileBehind = await askMany(20, 1000);
    await expectAnsweredOnce(whileBehind, 30_000);
    expect(answeredBy(late)).toBe(0);

    // Its copy catches up (as rsync would): it re-reads the folder and then takes questions.
    writeFileSync(join(oldCopy, `${NEW_ARTICLE.id}.md`), `---\ntitle: "${NEW_ARTICLE.title}"\n---\n${NEW_ARTICLE.text}\n`);
    await until(async () => (await ready()).includes("w4"), 30_000, "w4 to catch up");
    const afterCatchUp = await askMany(40, 2000);
    await expectAnsweredOnce(afterCatchUp, 30_000);
    expect(answeredBy(late)).toBeGreaterThan(0);
    const news = fake.interact({ kind: "slash", name: "ask", options: { question: "When did the Kestrel Harbour bridge reopen?" } });
    expect((await fake.answerOf(news, 20_000)).embeds[0].title).toBe(NEW_ARTICLE.title);
  }, 180_000);
});
