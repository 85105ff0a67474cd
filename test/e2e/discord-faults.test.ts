// Discord failing under the bot: 5xx on replies, 429 on typing, slow REST, a gateway outage. The
// real discord.js Client against the fake Discord with faults injected on chosen routes.
import { afterEach, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { USERS } from "./fake-discord/world.js";
import { embedOf, sleep, startHarness, type Harness } from "./harness.js";
import { HAFTAR, createNewsdeskDouble } from "./newsdesk-double.js";

let h: Harness | undefined;
afterEach(async () => {
  const problems = h?.fake.allProblems() ?? [];
  await h?.stop();
  h = undefined;
  expect(problems).toEqual([]);
});

const EDIT = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const CHANNEL_POST = /^\/channels\/\d+\/messages$/;
const TYPING = /^\/channels\/\d+\/typing$/;

const ask = (harness: Harness, question = "who accompanied Haftar?", from = USERS.alice) =>
  harness.fake.interact({ kind: "slash", name: "ask", options: { question }, from });

const repliesTo = (harness: Harness, messageId: string) =>
  harness.fake.channelMessages.filter((m) => m.message_reference?.message_id === messageId);

describe("5xx on the answer after a deferral", () => {
  it("retries the edit through a 1.5 s outage of that route and answers once", async () => {
    h = await startHarness(createNewsdeskDouble());
    h.fake.fail({ method: "PATCH", path: EDIT, status: 503, forMs: 1500 });
    const i = ask(h);
    const reply = await h.fake.answerOf(i, 15_000);
    expect(embedOf(reply).title).toBe(HAFTAR.title);
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    expect(i.followUps).toEqual([]);
    expect(h.logs.some((l) => l.includes("retrying"))).toBe(true);
  });

  it("answers all of five questions through 6 s of 500s", async () => {
    h = await startHarness(createNewsdeskDouble());
    h.fake.fail({ method: "PATCH", path: EDIT, status: 500, forMs: 6000 });
    const asked = [USERS.alice, USERS.bob, USERS.admin, USERS.alice, USERS.bob].map((u) => ask(h!, "who accompanied Haftar?", u));
    const replies = await Promise.all(asked.map((i) => h!.fake.answerOf(i, 25_000)));
    for (const r of replies) expect(embedOf(r).title).toBe(HAFTAR.title);
    expect(asked.every((i) => i.followUps.length === 0)).toBe(true);
  });

  it("falls back to one follow-up when editing fails for the token's whole life", async () => {
    h = await startHarness(createNewsdeskDouble(), { delivery: { tokenLifetimeMs: 5000, followUpReserveMs: 2500 } });
    h.fake.fail({ method: "PATCH", path: EDIT, status: 502 });
    const i = ask(h);
    await h.fake.waitFor(() => i.followUps.length > 0, 10_000, "the follow-up");
    await sleep(300);
    expect(i.followUps).toHaveLength(1);
    expect(embedOf(i.followUps[0]).title).toBe(HAFTAR.title);
    expect(i.followUps[0].allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  });

  it("retries a mention's reply through 503s, and a lost response never makes a second reply", async () => {
    h = await startHarness(createNewsdeskDouble());
    h.fake.fail({ method: "POST", path: CHANNEL_POST, status: 503, times: 4 });
    const first = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    expect(embedOf(await h.fake.replyTo(first.id, 15_000)).title).toBe(HAFTAR.title);
    // Discord stores the message, but the response is lost twice: a blind retry would post it again.
    h.fake.fail({ method: "POST", path: CHANNEL_POST, status: 503, times: 2, applied: true });
    const second = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true, from: USERS.bob });
    await h.fake.replyTo(second.id, 15_000);
    await sleep(2500);
    expect(repliesTo(h, first.id)).toHaveLength(1);
    expect(repliesTo(h, second.id)).toHaveLength(1);
  });
});

describe("slow and rate-limited REST", () => {
  it("a 429 on the typing indicator does not hold the mention's reply", async () => {
    h = await startHarness(createNewsdeskDouble());
    h.fake.fail({ method: "POST", path: TYPING, status: 429, retryAfterS: 6, forMs: 20_000 });
    const m = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    const started = Date.now();
    const reply = await h.fake.replyTo(m.id, 15_000);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(embedOf(reply).title).toBe(HAFTAR.title);
  });

  it("answers ten mentions in one channel side by side under 2 s REST latency", async () => {
    h = await startHarness(createNewsdeskDouble());
    h.fake.latency = (method, path) => (method === "POST" && (CHANNEL_POST.test(path) || TYPING.test(path)) ? 2000 : 0);
    const started = Date.now();
    const posts = Array.from({ length: 10 }, () => h!.fake.post({ content: "who accompanied Haftar?", mentionBot: true }));
    await Promise.all(posts.map((p) => h!.fake.replyTo(p.id, 40_000)));
    // One after another this took over 20 s (each reply waited for the one before).
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("takes a burst of 100 quick mentions without telling anyone it is busy (shipped queue settings)", async () => {
    const shipped = configSchema.parse({});
    h = await startHarness(createNewsdeskDouble(), {
      queueConcurrency: shipped.QUEUE_CONCURRENCY,
      queueMaxWaiting: shipped.QUEUE_MAX_WAITING,
      queueMaxWaitSeconds: shipped.QUEUE_MAX_WAIT_SECONDS,
    });
    const posts = Array.from({ length: 100 }, (_, n) =>
      h!.fake.post({
        content: "who accompanied Haftar?",
        mentionBot: true,
        from: { ...USERS.alice, id: String(1500000000000000000n + BigInt(n)) },
      }),
    );
    await h.fake.waitFor(() => posts.every((p) => repliesTo(h!, p.id).length === 1), 30_000, "a hundred replies");
    const busy = posts.filter((p) => /busy/.test(repliesTo(h!, p.id)[0].content));
    expect(busy).toHaveLength(0);
  });
});

describe("gateway outage", () => {
  it("is not ready within a second of losing the gateway, recovers, and /status shows the outage", async () => {
    h = await startHarness(createNewsdeskDouble());
    expect(h.bot.ready).toBe(true);
    const lost = Date.now();
    h.fake.gateway.outage(2000);
    await h.fake.waitFor(() => !h!.bot.ready, 1000, "the bot to report not ready");
    expect(Date.now() - lost).toBeLessThan(1000);
    expect(h.bot.details().gateway).toMatchObject({ up: false });
    await h.fake.waitFor(() => h!.bot.ready, 30_000, "the bot to be ready again");
    const status = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "status" }));
    const gateway = embedOf(status).fields.find((f: any) => f.name === "Gateway")?.value;
    expect(gateway).toMatch(/^connected \(1 outage since start, last \d+ s\)$/);
    expect(embedOf(await h.fake.answerOf(ask(h))).title).toBe(HAFTAR.title);
  });
});

describe("/reindex beside questions", () => {
  it("takes no question slot: it runs while the queue is full, and three at once are all answered", async () => {
    const newsdesk = createNewsdeskDouble();
    h = await startHarness(newsdesk, { queueConcurrency: 1, queueMaxWaiting: 1 });
    newsdesk.hold();
    const running = ask(h, "who accompanied Haftar?", USERS.alice);
    const waiting = ask(h, "who accompanied Haftar?", USERS.bob);
    await h.fake.waitFor(() => running.callbacks.length && waiting.callbacks.length, 5000, "both deferred");
    const reindexes = [0, 1, 2].map(() => h!.fake.interact({ kind: "slash", name: "reindex", from: USERS.admin }));
    const reports = await Promise.all(reindexes.map((i) => h!.fake.answerOf(i)));
    for (const r of reports) expect(embedOf(r).description).toContain("**Added** (1)");
    newsdesk.release();
    expect(embedOf(await h.fake.answerOf(running)).title).toBe(HAFTAR.title);
    expect(embedOf(await h.fake.answerOf(waiting)).title).toBe(HAFTAR.title);
  });
});
