// The main path with the real core: createNewsdesk (src/app.ts) over a copy of the repo's
// knowledge/ folder in lexical mode, behind the real discord.js Client and the fake Discord.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { watchKnowledge, type KnowledgeWatcher } from "../../src/service/watch-knowledge.js";
import { silentLogger } from "../../src/log.js";
import type { Newsdesk } from "../../src/types.js";
import { USERS } from "./fake-discord/world.js";
import { EPHEMERAL, embedOf, startHarness, type Harness } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TITLE = "Libyan Field Marshal Khalifa Haftar calls on Field Marshal Asim Munir at GHQ";

let h: Harness;
let newsdesk: Newsdesk;
let watcher: KnowledgeWatcher;
let knowledge: string;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "newsdesk-e2e-"));
  knowledge = join(work, "knowledge");
  cpSync(join(ROOT, "knowledge"), knowledge, { recursive: true });
  const config = loadConfig(
    { ANSWER_MODE: "lexical", KNOWLEDGE_DIR: knowledge, CACHE_DIR: join(work, "cache") },
    {},
    join(work, "none.env"),
  );
  newsdesk = await createNewsdesk(config, silentLogger);
  h = await startHarness(newsdesk);
  watcher = watchKnowledge(knowledge, () => newsdesk.reindex(), silentLogger, { debounceMs: 200 });
});
afterAll(async () => {
  await watcher.close();
  await h.stop();
  await newsdesk.close();
});
afterEach(() => expect(h.fake.allProblems()).toEqual([]));

describe("with the real Newsdesk core", () => {
  it("/ask who accompanied Haftar? is deferred, then answered with the cited embed", async () => {
    const i = h.fake.interact({ kind: "slash", name: "ask", options: { question: "who accompanied Haftar?" } });
    const reply = await h.fake.answerOf(i, 30_000);
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    const e = embedOf(reply);
    expect(e.description).toMatch(
      /^\*\*[^*]*Saddam Khalifa Haftar\*\*\n\n> The visit, accompanied by __\*\*[^*]*Saddam Khalifa Haftar\*\*__/,
    );
    expect(e.title).toBe(TITLE);
    expect(e.fields).toContainEqual(expect.objectContaining({ name: "Paragraph", value: "1 · `haftar-visits-ghq#p1`" }));
    expect(e.footer.text).toMatch(/^Mode: lexical .* Confidence: \d+%$/);

    const button = reply.components[0].components[0];
    const click = h.fake.interact({ kind: "button", customId: button.custom_id, message: reply });
    const passage = await h.fake.answerOf(click);
    expect(passage.flags).toBe(EPHEMERAL);
    expect(embedOf(passage).description).toContain("Lieutenant General Saddam Khalifa Haftar");
  });

  it("answers a mention as a reply", async () => {
    const m = h.fake.post({ content: "who accompanied Haftar?", mentionBot: true, from: USERS.bob });
    expect(embedOf(await h.fake.replyTo(m.id, 30_000)).title).toBe(TITLE);
  });

  it("says not found for a question the articles do not answer", async () => {
    const reply = await h.fake.answerOf(
      h.fake.interact({ kind: "slash", name: "ask", options: { question: "what is the price of tea in Lahore?" } }),
      30_000,
    );
    expect(embedOf(reply).title).toBe("Not found");
  });

  it("keeps @everyone inert and still answers the question around it", async () => {
    const reply = await h.fake.answerOf(
      h.fake.interact({ kind: "slash", name: "ask", options: { question: "@everyone who accompanied Haftar?" } }),
      30_000,
    );
    // The core drops the mention from the question it echoes; the payload could not ping anyway.
    expect(embedOf(reply).author.name).toBe("Q: who accompanied Haftar?");
    expect(embedOf(reply).title).toBe(TITLE);
    expect(reply.allowed_mentions.parse).toEqual([]);
  });

  it("answers a 5,000-character question with the core's reason, within Discord's limits", async () => {
    const question = "Who accompanied Haftar to General Headquarters on Monday? ".repeat(100).slice(0, 5000);
    const i = h.fake.interact({ kind: "slash", name: "ask", options: { question } });
    const reply = await h.fake.answerOf(i, 30_000);
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    expect(reply.content).toMatch(/^The question is too long \(\d+ characters; the limit is \d+\)/);
    expect(reply.embeds).toEqual([]);
  });

  it("autocompletes the article and summarises it", async () => {
    const ac = h.fake.interact({ kind: "autocomplete", name: "summary", focused: "article", value: "haftar" });
    await h.fake.waitFor(() => ac.callbacks.length > 0);
    expect(ac.callbacks[0]!.data.choices).toEqual([{ name: TITLE, value: "haftar-visits-ghq" }]);
    const reply = await h.fake.answerOf(
      h.fake.interact({ kind: "slash", name: "summary", options: { article: "haftar-visits-ghq", length: "short" } }),
      30_000,
    );
    expect(embedOf(reply).title).toBe(TITLE);
    expect(embedOf(reply).description).toMatch(/\*\(¶\d+\)\*/);
  });

  it("picks up a new article dropped into the knowledge folder without a restart", async () => {
    writeFileSync(
      join(knowledge, "riverside-bridge.md"),
      '---\ntitle: "Council approves the Riverside bridge"\n---\nThe city council approved the Riverside bridge on Tuesday after a long debate.\n\nMayor Amina Qureshi said construction of the bridge would begin in March.\n',
    );
    await h.fake.waitFor(() => newsdesk.status().articles === 2, 10_000, "the re-index");
    const reply = await h.fake.answerOf(
      h.fake.interact({
        kind: "slash",
        name: "ask",
        options: { question: "When will construction of the Riverside bridge begin?" },
        from: USERS.admin,
      }),
      30_000,
    );
    expect(embedOf(reply).title).toBe("Council approves the Riverside bridge");
    const status = embedOf(await h.fake.answerOf(h.fake.interact({ kind: "slash", name: "status" })));
    expect(status.fields.find((f: any) => f.name === "Articles").value).toBe("2");
  });
});
