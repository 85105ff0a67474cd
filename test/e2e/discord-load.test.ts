// Under load and at shutdown, with the Newsdesk double holding answers in flight on command.
import { afterEach, describe, expect, it } from "vitest";
import { RESTARTING } from "../../src/discord/gate.js";
import { USERS } from "./fake-discord/world.js";
import { EPHEMERAL, embedOf, startHarness, type Harness } from "./harness.js";
import { HAFTAR, createNewsdeskDouble } from "./newsdesk-double.js";

let h: Harness | undefined;
afterEach(async () => {
  const problems = h?.fake.allProblems() ?? [];
  await h?.stop();
  h = undefined;
  expect(problems).toEqual([]);
});

const askAs = (harness: Harness, from: (typeof USERS)[keyof typeof USERS], question = "who accompanied Haftar?") =>
  harness.fake.interact({ kind: "slash", name: "ask", options: { question }, from });

describe("cooldown", () => {
  it("tells a user who asks again too soon, privately and at once, when to try again", async () => {
    h = await startHarness(createNewsdeskDouble(), { cooldownSeconds: 30 });
    await h.fake.answerOf(askAs(h, USERS.alice));
    const again = askAs(h, USERS.alice);
    const notice = await h.fake.answerOf(again);
    expect(again.callbacks.map((c) => c.type)).toEqual([4]);
    expect(notice.flags).toBe(EPHEMERAL);
    const wait = Number(/Try again in (\d+) s\./.exec(notice.content)?.[1]);
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(30);
    // Someone else is not held back.
    expect(embedOf(await h.fake.answerOf(askAs(h, USERS.bob))).title).toBe(HAFTAR.title);
  });

  it("applies to mentions too, with a reply that pings nobody", async () => {
    h = await startHarness(createNewsdeskDouble(), { cooldownSeconds: 30 });
    const first = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    await h.fake.replyTo(first.id);
    const second = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    const notice = await h.fake.replyTo(second.id);
    expect(notice.content).toMatch(/Try again in \d+ s\./);
    expect(notice.allowed_mentions.parse).toEqual([]);
  });
});

describe("full queue", () => {
  it("refuses privately with a time to retry, and still answers those it accepted", async () => {
    const newsdesk = createNewsdeskDouble();
    h = await startHarness(newsdesk, { queueConcurrency: 1, queueMaxWaiting: 1 });
    newsdesk.hold();
    const running = askAs(h, USERS.alice);
    const waiting = askAs(h, USERS.bob);
    await h.fake.waitFor(() => running.callbacks.length && waiting.callbacks.length, 5000, "both deferred");
    const refused = askAs(h, USERS.admin);
    const notice = await h.fake.answerOf(refused);
    expect(refused.callbacks.map((c) => c.type)).toEqual([4]);
    expect(notice.flags).toBe(EPHEMERAL);
    expect(notice.content).toMatch(/busy with other questions\. Try again in about \d+ s\./);
    expect(newsdesk.asked).toHaveLength(1);
    newsdesk.release();
    expect(embedOf(await h.fake.answerOf(running)).title).toBe(HAFTAR.title);
    expect(embedOf(await h.fake.answerOf(waiting)).title).toBe(HAFTAR.title);
    expect(newsdesk.asked).toHaveLength(2);
  });
});

describe("shutdown", () => {
  it("stops taking questions but delivers the answer in flight, then closes the client", async () => {
    const newsdesk = createNewsdeskDouble();
    h = await startHarness(newsdesk);
    newsdesk.hold();
    const inFlight = askAs(h, USERS.alice);
    await h.fake.waitFor(() => inFlight.callbacks.length && newsdesk.asked.length, 5000, "the question in flight");

    let stopped = false;
    const stopping = h.bot.stop(10_000).then(() => (stopped = true));
    const late = askAs(h, USERS.bob);
    const refusal = await h.fake.answerOf(late);
    expect(refusal.content).toBe(RESTARTING);
    expect(refusal.flags).toBe(EPHEMERAL);
    expect(stopped).toBe(false);

    newsdesk.release();
    expect(embedOf(await h.fake.answerOf(inFlight)).title).toBe(HAFTAR.title);
    await stopping;
    expect(h.fake.gateway.connected).toBe(false);
    expect(newsdesk.asked).toHaveLength(1);
  });
});
