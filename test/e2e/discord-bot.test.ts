// The bot as Discord sees it: the real discord.js Client against the local fake Discord, with a
// Newsdesk double whose answers have the exact shapes of src/types.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WENT_WRONG } from "../../src/discord/answer-flow.js";
import { INTENTS } from "./fake-discord/gateway.js";
import { USERS } from "./fake-discord/world.js";
import { EPHEMERAL, embedOf, sleep, startHarness, type Harness } from "./harness.js";
import { HAFTAR, createNewsdeskDouble } from "./newsdesk-double.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness(createNewsdeskDouble());
});
afterAll(() => h.stop());
afterEach(() => expect(h.fake.allProblems()).toEqual([]));

const ask = (question: string, extra: Record<string, string | boolean> = {}, from = USERS.alice) =>
  h.fake.interact({ kind: "slash", name: "ask", options: { question, ...extra }, from });

describe("connecting", () => {
  it("identifies, becomes ready and asks for no privileged intent", () => {
    expect(h.bot.ready).toBe(true);
    const { intents } = h.fake.gateway.identifies.at(-1)!;
    expect(intents & INTENTS.guilds).toBeTruthy();
    expect(intents & INTENTS.guildMessages).toBeTruthy();
    expect(intents & INTENTS.messageContent).toBe(0);
    expect(h.bot.client.guilds.cache.size).toBe(1);
  });
});

describe("/ask", () => {
  it("defers at once, then edits in the cited embed", async () => {
    const i = ask("who accompanied Haftar?");
    const reply = await h.fake.answerOf(i);
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    expect(i.callbacks[0]!.at - i.createdAt).toBeLessThan(3000);
    expect(i.callbacks[0]!.data.flags ?? 0).toBe(0);
    const e = embedOf(reply);
    expect(e.description.startsWith("**Lieutenant General Saddam Khalifa Haftar**")).toBe(true);
    expect(e.description).toContain(
      "> The visit, accompanied by Deputy Commander-in-Chief __**Lieutenant General Saddam Khalifa Haftar**__",
    );
    expect(e.title).toBe(HAFTAR.title);
    expect(e.url).toBe("https://example.com/news/haftar-ghq");
    expect(e.fields).toContainEqual(expect.objectContaining({ name: "Paragraph", value: expect.stringContaining("haftar-visits-ghq#p1") }));
    expect(e.footer.text).toMatch(/Mode: lexical.*Confidence: 83%/);
    expect(reply.components[0].components[0]).toMatchObject({ label: "Show passage", custom_id: `passage:${HAFTAR.id}` });
    expect(reply.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  });

  it("answers privately when asked to", async () => {
    const i = ask("who accompanied Haftar?", { private: true });
    await h.fake.answerOf(i);
    expect(i.callbacks[0]!.data.flags).toBe(EPHEMERAL);
  });

  it("says not found honestly and shows the nearest passages", async () => {
    const reply = await h.fake.answerOf(ask("what is the price of tea in Lahore?"));
    const e = embedOf(reply);
    expect(e.title).toBe("Not found");
    expect(e.description).toMatch(/could not find an answer/);
    expect(e.fields[0].name).toBe(`1. ${HAFTAR.title} — paragraph 1`);
    expect(e.fields[0].value).toContain(HAFTAR.id);
    expect(reply.components[0].components[0]).toMatchObject({ label: "Passage 1", custom_id: `passage:${HAFTAR.id}` });
  });

  it("keeps @everyone, @here and role mentions out of the question asked, and pings nobody", async () => {
    const reply = await h.fake.answerOf(ask("@everyone @here who accompanied Haftar? <@&1400000000000000999>"));
    // The double echoes the question it was given: the face stripped Discord's markup first.
    expect(embedOf(reply).author.name).toBe("Q: who accompanied Haftar?");
    expect(reply.allowed_mentions.parse).toEqual([]);
    expect(reply.mention_everyone).toBe(false);
  });

  it("answers a 5,000-character question within Discord's limits", async () => {
    const tail = " So, who accompanied Haftar?";
    const question = "Tell me everything about the meeting at General Headquarters. ".repeat(90).slice(0, 5000 - tail.length) + tail;
    expect(question.length).toBe(5000);
    const e = embedOf(await h.fake.answerOf(ask(question)));
    expect(e.author.name.length).toBeLessThanOrEqual(256);
    expect(e.author.name.endsWith("…")).toBe(true);
  });
});

describe("the Show passage button and /source", () => {
  it("shows the whole passage privately", async () => {
    const i = h.fake.interact({ kind: "button", customId: `passage:${HAFTAR.id}` });
    const reply = await h.fake.answerOf(i);
    expect(i.callbacks[0]!.type).toBe(4);
    expect(i.callbacks[0]!.data.flags).toBe(EPHEMERAL);
    expect(embedOf(reply).description).toBe(HAFTAR.text);
    expect(embedOf(reply).footer.text).toBe(`Passage ${HAFTAR.id}`);
  });

  it("/source shows the passage and names an unknown id", async () => {
    expect(
      embedOf(await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "source", options: { passage: HAFTAR.id } }))).description,
    ).toBe(HAFTAR.text);
    const missing = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "source", options: { passage: "nope#p9" } }));
    expect(missing.content).toMatch(/No passage `nope#p9`/);
    expect(missing.flags).toBe(EPHEMERAL);
  });
});

describe("/summary", () => {
  it("autocompletes at most 25 titles from memory", async () => {
    const i = h.fake.interact({ kind: "autocomplete", name: "summary", focused: "article", value: "report" });
    await h.fake.waitFor(() => i.callbacks.length > 0);
    const { type, data } = i.callbacks[0]!;
    expect(type).toBe(8);
    expect(data.choices).toHaveLength(25);
    expect(data.choices.every((c: any) => /report/i.test(c.name))).toBe(true);
    expect(i.callbacks[0]!.at - i.createdAt).toBeLessThan(3000);
  });

  it("autocompletes by any word of the title", async () => {
    const i = h.fake.interact({ kind: "autocomplete", name: "summary", focused: "article", value: "haftar munir" });
    await h.fake.waitFor(() => i.callbacks.length > 0);
    expect(i.callbacks[0]!.data.choices).toEqual([{ name: HAFTAR.title, value: HAFTAR.articleId }]);
  });

  it("summarises a chosen article and rejects free text that names none", async () => {
    const ok = await h.fake.answerOf(
      h.fake.interact({ kind: "slash", name: "summary", options: { article: HAFTAR.articleId, length: "short" } }),
    );
    expect(embedOf(ok).title).toBe(HAFTAR.title);
    expect(embedOf(ok).description).toContain("*(¶1)*");
    const bad = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "summary", options: { article: "haftar" } }));
    expect(bad.flags).toBe(EPHEMERAL);
    expect(bad.content).toMatch(/No article matches “haftar”. Did you mean:\n`haftar-visits-ghq`/);
  });

  it("summarises a topic with citations per sentence", async () => {
    const reply = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "summary", options: { topic: "Libya" } }));
    expect(embedOf(reply).description).toContain(`*(${HAFTAR.title}, ¶1)*`);
  });
});

describe("/articles, /status, /reindex", () => {
  it("pages the articles newest first with buttons", async () => {
    const first = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "articles" }));
    expect(embedOf(first).footer.text).toBe("Page 1 of 4 · 31 articles");
    expect(embedOf(first).description.split("\n")[0]).toContain(HAFTAR.title);
    const [newer, older] = first.components[0].components;
    expect(newer.disabled).toBe(true);
    const click = h.fake.interact({ kind: "button", customId: older.custom_id, message: first });
    const second = await h.fake.answerOf(click);
    expect(click.callbacks[0]!.type).toBe(7);
    expect(embedOf(second).footer.text).toBe("Page 2 of 4 · 31 articles");
  });

  it("reports status", async () => {
    const e = embedOf(await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "status" })));
    const field = (n: string) => e.fields.find((f: any) => f.name === n)?.value;
    expect(field("Mode")).toMatch(/^lexical/);
    expect(field("Articles")).toBe("31");
    expect(field("Passages")).toBe("93");
    expect(field("Uptime")).toBe("1h 2m");
    expect(field("Version")).toBe("0.1.0");
  });

  it("reindexes only for Manage Server and reports what changed", async () => {
    const refused = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "reindex", from: USERS.alice }));
    expect(refused.content).toMatch(/Manage Server/);
    const done = await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "reindex", from: USERS.admin }));
    expect(embedOf(done).description).toContain("**Added** (1): `world/new-one`");
  });
});

describe("questions in channels", () => {
  it("answers a mention as a reply", async () => {
    const m = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true });
    const reply = await h.fake.replyTo(m.id);
    expect(reply.message_reference.message_id).toBe(m.id);
    expect(embedOf(reply).description).toContain("Saddam Khalifa Haftar");
    expect(reply.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  });

  it("ignores @everyone and messages that do not mention the bot", async () => {
    const loud = h.fake.post({ content: "@everyone who accompanied Haftar?" });
    const plain = h.fake.post({ content: "who accompanied Haftar?" });
    const marker = h.fake.post({ content: "@everyone who accompanied Haftar?", mentionBot: true });
    const reply = await h.fake.replyTo(marker.id);
    expect(reply.allowed_mentions.parse).toEqual([]);
    await sleep(100);
    const answered = h.fake.channelMessages.map((x) => x.message_reference?.message_id);
    expect(answered).not.toContain(loud.id);
    expect(answered).not.toContain(plain.id);
  });

  it("answers about a message through the Ask Newsdesk context menu", async () => {
    const i = h.fake.interact({ kind: "message-menu", name: "Ask Newsdesk", target: { content: "Who accompanied Haftar to GHQ?" } });
    const reply = await h.fake.answerOf(i);
    expect(i.callbacks[0]!.type).toBe(5);
    expect(embedOf(reply).author.name).toBe("Q: Who accompanied Haftar to GHQ?");
  });
});

describe("Discord failures", () => {
  it("survives a dropped gateway connection, resumes and keeps answering", async () => {
    h.fake.gateway.drop(4000);
    await h.fake.waitFor(() => h.fake.gateway.resumes > 0 && h.fake.gateway.connected, 10_000, "a resume");
    await h.fake.waitFor(() => h.bot.ready, 5000, "the bot to report ready again");
    const reply = await h.fake.answerOf(ask("who accompanied Haftar?", {}, USERS.bob));
    expect(embedOf(reply).title).toBe(HAFTAR.title);
  });

  it("turns a failure after deferring into a short message, not an endless 'thinking…'", async () => {
    const i = h.fake.interact({ kind: "slash", name: "summary", options: { topic: "explode" } });
    const reply = await h.fake.answerOf(i);
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    expect(reply.content).toBe(WENT_WRONG);
    expect(reply.embeds).toEqual([]);
    const logged = h.logs.find((l) => l.includes("interaction failed") && l.includes(i.id));
    expect(logged).toContain("summariser crashed");
    expect(JSON.parse(logged!).error.stack).toMatch(/newsdesk-double\.ts/);
  });

  it("survives Discord refusing a late reply and answers the next question", async () => {
    const failed = h.fake.interact({ kind: "slash", name: "ask", options: { question: "who accompanied Haftar?" } }, { late: true });
    await h.fake.waitFor(
      () => h.logs.some((l) => l.includes("interaction failed") && l.includes(failed.id)),
      15_000,
      "the failure in the log",
    );
    const reply = await h.fake.answerOf(ask("who accompanied Haftar?"));
    expect(embedOf(reply).title).toBe(HAFTAR.title);
  });
});
