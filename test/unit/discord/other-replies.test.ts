import { describe, expect, it } from "vitest";
import {
  changesLabel,
  folderCheckLabel,
  formatArticlesPage,
  formatReindex,
  formatStatus,
  vectorSearchLabel,
  formatSummary,
  formatUptime,
} from "../../../src/discord/format/other-replies.js";
import type { ArticleInfo } from "../../../src/types.js";

const articles: ArticleInfo[] = Array.from({ length: 23 }, (_, i) => ({
  id: `a${i}`,
  title: `Title ${i}`,
  paragraphs: 1,
  published: "2025-03-04T10:00:00Z",
}));

describe("formatArticlesPage", () => {
  it("shows ten a page with disabled buttons at the ends", () => {
    const first = formatArticlesPage(articles, 0);
    expect(first.embeds[0]!.description!.split("\n")).toHaveLength(10);
    expect(first.embeds[0]!.description!.split("\n")[0]).toBe("**1.** Title 0 — 2025-03-04 · `a0`");
    expect(first.embeds[0]!.footer!.text).toBe("Page 1 of 3 · 23 articles");
    expect(first.components[0]!.components.map((b) => [b.custom_id, b.disabled])).toEqual([
      ["articles:-1", true],
      ["articles:1", false],
    ]);
    const last = formatArticlesPage(articles, 99);
    expect(last.embeds[0]!.footer!.text).toBe("Page 3 of 3 · 23 articles");
    expect(last.components[0]!.components[1]!.disabled).toBe(true);
  });

  it("has no buttons for one page and says when there are no articles", () => {
    expect(formatArticlesPage(articles.slice(0, 3), 0).components).toEqual([]);
    expect(formatArticlesPage([], 0).embeds[0]!.description).toMatch(/no articles/);
  });
});

describe("formatSummary", () => {
  it("cites paragraphs, and articles too for a topic, and stays under 4,096", () => {
    const sentences = Array.from({ length: 200 }, (_, i) => ({
      text: `Sentence ${i} is about the talks.`,
      articleId: "x",
      paragraph: i + 1,
    }));
    const topic = formatSummary({ kind: "summary", articleId: null, title: "Topic: talks", mode: "lexical", sentences }, () => "Talks");
    const d = topic.embeds[0]!.description!;
    expect(d.startsWith("Sentence 0 is about the talks. *(Talks, ¶1)*")).toBe(true);
    expect(d.length).toBeLessThanOrEqual(4096);
    expect(d.endsWith(")*")).toBe(true);
  });
});

describe("status and reindex", () => {
  it("formats uptime", () => {
    expect(formatUptime(59_000)).toBe("0m 59s");
    expect(formatUptime(3_723_000)).toBe("1h 2m");
    expect(formatUptime(90_000_000)).toBe("1d 1h 0m");
  });

  it("shows every status field", () => {
    const e = formatStatus(
      {
        mode: "model",
        embedderModel: "Xenova/bge-small-en-v1.5",
        readerModel: "Xenova/distilbert",
        articles: 3,
        passages: 40,
        knowledgeVersion: "3f2a9c1d0b7e",
        startedAt: new Date(0),
        version: "1.0.0",
        changes: { kind: "poll", intervalSeconds: 10, files: 1200, reason: "watch limit reached (ENOSPC after 40 folders)" },
        folder: { checkingSince: null, last: { at: new Date(45_000), changed: 2 } },
        vectorSearch: { search: "exact", vectors: 40 },
      },
      new Date(60_000),
    ).embeds[0]!;
    expect(e.fields!.map((f) => f.name)).toEqual([
      "Mode",
      "Embedding model",
      "Reader model",
      "Articles",
      "Passages",
      "Uptime",
      "Version",
      "Changes noticed by",
      "Folder checked",
      "Vector search",
    ]);
    expect(e.fields!.at(-3)!.value).toBe("a scan every 10 s or more (1200 files; watch limit reached (ENOSPC after 40 folders))");
    expect(e.fields!.at(-2)!.value).toBe("15 s ago (2 articles re-indexed)");
    expect(e.fields!.at(-1)!.value).toBe("exact, 40 passage vectors");
  });

  it.each([
    [{ search: "graph-ready", vectors: 1_705_314 }, "HNSW graph, 1,705,314 passage vectors"],
    [{ search: "loading", vectors: 0 }, "reading the stored vectors (answers are lexical meanwhile), 0 passage vectors"],
    [
      { search: "graph-building", vectors: 120_000, embedding: { done: 120_000, total: 1_705_314, etaMs: 8.2 * 3_600_000 } },
      "HNSW graph, being built (searches what it holds so far), 120,000 passage vectors; " +
        "embedding 120,000 of 1,705,314 new passages, about 8.2 h to go (not yet embedded: found lexically)",
    ],
    [
      { search: "exact", vectors: 300, embedding: { done: 256, total: 512, etaMs: 40_000 } },
      "exact, 300 passage vectors; embedding 256 of 512 new passages, about 40 s to go (not yet embedded: found lexically)",
    ],
  ])("says how dense search runs and how far the embedding is: %j", (vectorSearch, words) => {
    expect(vectorSearchLabel(vectorSearch)).toBe(words);
  });

  it.each([
    [{ checkingSince: new Date(57_000), last: null }, "checking the folder now (for 3 s; answers come from the index as it is)"],
    [
      { checkingSince: new Date(57_000), last: { at: new Date(0), changed: 0 } },
      "checking the folder now (for 3 s; answers come from the index as it is); last 60 s ago (no change)",
    ],
    [{ checkingSince: null, last: { at: new Date(50_000), failed: "EACCES" } }, "failed 10 s ago: EACCES"],
    [{ checkingSince: null, last: { at: new Date(59_000), changed: 1 } }, "1 s ago (1 article re-indexed)"],
  ])("says when the folder was checked: %j", (folder, words) => {
    expect(folderCheckLabel(folder, new Date(60_000))).toBe(words);
  });

  it.each([
    [{ kind: "events", folders: 12 } as const, "file-system events (12 folders watched)"],
    [{ kind: "manual", reason: "WATCH_KNOWLEDGE=off" } as const, "/reindex only (WATCH_KNOWLEDGE=off)"],
  ])("says how changes are noticed: %j", (changes, words) => {
    expect(changesLabel(changes)).toBe(words);
  });

  it("says when nothing changed and lists problems", () => {
    const e = formatReindex({
      added: [],
      changed: [],
      removed: [],
      unchanged: 4,
      problems: [{ file: "bad.pdf", reason: "not a supported type" }],
      passages: 50,
    }).embeds[0]!;
    expect(e.title).toBe("Reindexed: nothing changed");
    expect(e.description).toContain("`bad.pdf`: not a supported type");
  });
});
