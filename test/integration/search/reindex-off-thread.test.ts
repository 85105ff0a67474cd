// The bot's re-index on a worker thread, against a real knowledge folder and SQLite index: the same
// report as in the thread, questions answered from the old index until the worker commits, and
// the new text answered after.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { createLogger } from "../../../src/log.js";

let work: string;
afterEach(() => rm(work, { recursive: true, force: true }));

async function setUp(articles: number) {
  work = await mkdtemp(path.join(tmpdir(), "newsdesk-reindex-worker-"));
  const knowledge = path.join(work, "knowledge");
  await cp("knowledge", knowledge, { recursive: true });
  for (let i = 0; i < articles; i++) {
    await writeFile(
      path.join(knowledge, `filler-${i}.md`),
      `---\ntitle: Filler report ${i}\n---\n\nThe harbour council of town ${i} met on Tuesday to discuss ferry timetables and the price of fuel.\n`,
    );
  }
  return { knowledge, config: loadConfig({ ANSWER_MODE: "lexical", KNOWLEDGE_DIR: knowledge, CACHE_DIR: path.join(work, "cache") }, {}) };
}

describe("reindex on a worker thread", () => {
  it("reports what changed, runs off the main thread, and answers from the new text after the commit", async () => {
    const { knowledge, config } = await setUp(200);
    const logs: string[] = [];
    const newsdesk = await createNewsdesk(config, createLogger({ level: "debug", format: "json", write: (l) => logs.push(l) }), {
      reindexOffThread: true,
      reindexInThreadUpTo: 0,
    });
    try {
      const before = await newsdesk.ask("who accompanied Haftar?");
      expect(before.kind).toBe("answer");
      const file = path.join(knowledge, "haftar-visits-ghq.md");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("Lieutenant General Saddam Khalifa Haftar", "Colonel Amina Rashid"));
      await writeFile(path.join(knowledge, "filler-new.md"), "---\ntitle: A new filler\n---\n\nNothing happened in the harbour.\n");
      await rm(path.join(knowledge, "filler-0.md"));

      const reindex = newsdesk.reindex();
      // Questions asked meanwhile are answered, from the index as it was before the commit.
      const during = await newsdesk.ask("who accompanied Haftar?");
      expect(during.kind).toBe("answer");
      const report = await reindex;
      expect(report).toMatchObject({ changed: ["haftar-visits-ghq"], added: ["filler-new"], removed: ["filler-0"] });
      // The sentence no longer names Haftar, so the question names the visit; the new name may come as
      // the span or inside the quoted sentence (a passage reply): either way, from the new text.
      const after = await newsdesk.ask("who accompanied the visit?");
      expect(after.kind !== "not-found" && after.answer).toMatch(/Amina Rashid/);
      expect(newsdesk.articles().map((a) => a.id)).toContain("filler-new");
      const ran = logs.map((l) => JSON.parse(l)).find((l) => l.msg === "re-index ran on a worker thread");
      expect(ran?.threadId).toBeGreaterThan(0);
    } finally {
      await newsdesk.close();
    }
  });

  it("re-indexes a few changed files on its own thread (no worker's memory), many on the worker", async () => {
    const { knowledge, config } = await setUp(60);
    const logs: string[] = [];
    const newsdesk = await createNewsdesk(config, createLogger({ level: "debug", format: "json", write: (l) => logs.push(l) }), {
      reindexOffThread: true,
    });
    const onWorker = () => logs.filter((l) => l.includes("re-index ran on a worker thread")).length;
    try {
      await writeFile(path.join(knowledge, "filler-1.md"), "---\ntitle: Filler one\n---\n\nThe ferry ran late on Friday.\n");
      expect(await newsdesk.reindex()).toMatchObject({ changed: ["filler-1"], added: [], removed: [] });
      expect(onWorker()).toBe(0);
      expect(newsdesk.findArticles("filler one", 5).map((m) => m.article.id)).toEqual(["filler-1"]);
      for (let i = 0; i < 60; i++) await rm(path.join(knowledge, `filler-${i}.md`));
      expect((await newsdesk.reindex()).removed).toHaveLength(60);
      expect(onWorker()).toBe(1);
    } finally {
      await newsdesk.close();
    }
  });

  it("a re-index that fails in the worker rejects with the reason and leaves the index in use", async () => {
    const { knowledge, config } = await setUp(5);
    const newsdesk = await createNewsdesk(config, createLogger({ level: "silent" }), { reindexOffThread: true, reindexInThreadUpTo: 0 });
    try {
      await rm(knowledge, { recursive: true });
      await expect(newsdesk.reindex()).rejects.toThrow(/Re-indexing failed/);
      expect((await newsdesk.ask("who accompanied Haftar?")).kind).toBe("answer");
    } finally {
      await newsdesk.close();
    }
  });
});
