// The core's article lookups and folder watch through the front door: a real Newsdesk over real files.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { silentLogger } from "../../../src/log.js";
import { watchKnowledge } from "../../../src/service/watch-knowledge.js";
import type { Newsdesk } from "../../../src/types.js";

let root: string;
let knowledgeDir: string;
let newsdesk: Newsdesk | undefined;

const open = (settings: Record<string, string> = {}, watching = false, catalogInBackground = false) => {
  const config = loadConfig(
    { ANSWER_MODE: "lexical", KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: path.join(root, "cache"), ...settings },
    {},
    path.join(root, "none.env"),
  );
  // Wired as the bot's service wires it.
  return createNewsdesk(config, silentLogger, {
    catalogInBackground,
    watchKnowledge: watching
      ? (reindex, mode) => watchKnowledge(knowledgeDir, reindex, silentLogger, { mode, pollIntervalMs: config.WATCH_POLL_SECONDS * 1000 })
      : undefined,
  });
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-lookup-"));
  knowledgeDir = path.join(root, "knowledge");
  await mkdir(path.join(knowledgeDir, "sport"), { recursive: true });
  await writeFile(
    path.join(knowledgeDir, "sport", "cote.md"),
    "---\ntitle: Côte d'Ivoire win the cup\npublished: 2026-02-01\n---\n\nThe final was in Abidjan.\n",
  );
  await writeFile(
    path.join(knowledgeDir, "sport", "cup.md"),
    "---\ntitle: Cup draw made\npublished: 2026-01-01\n---\n\nThe draw was made on Monday.\n",
  );
  await writeFile(path.join(knowledgeDir, "storm.txt"), "Storm hits coast\n\nA storm hit the coast on Monday.\n");
});

afterEach(async () => {
  await newsdesk?.close();
  newsdesk = undefined;
  await rm(root, { recursive: true, force: true });
});

describe("findArticles", () => {
  it("finds articles by title, title word or id, accents and case ignored", async () => {
    newsdesk = await open();
    const find = (q: string) => newsdesk!.findArticles(q, 25).map((m) => `${m.article.id}:${m.match}`);
    expect(find("cote d")).toEqual(["sport/cote:prefix"]);
    expect(find("CUP")).toEqual(["sport/cup:prefix", "sport/cote:word-prefix"]);
    expect(find("sport/cup")).toEqual(["sport/cup:id", "sport/cote:word-prefix"]);
    expect(find("coast")).toEqual(["storm:word-prefix"]);
    expect(newsdesk.findArticles("", 2).map((m) => m.article.id)).toEqual(["sport/cote", "sport/cup"]);
  });

  it("gives one article's list entry by id, as articles() lists it", async () => {
    newsdesk = await open();
    expect(newsdesk.articleInfo("sport/cote")).toEqual(newsdesk.articles().find((a) => a.id === "sport/cote"));
    expect(newsdesk.articleInfo("sport/cote")).toMatchObject({
      title: "Côte d'Ivoire win the cup",
      published: "2026-02-01",
      paragraphs: 1,
    });
    expect(newsdesk.articleInfo("sport/none")).toBeUndefined();
  });

  it("suggests the nearest ids for an unknown article", async () => {
    newsdesk = await open();
    // Found by the title index ("sport" and "cu" are word prefixes), nearest id first.
    expect(await newsdesk.summarize("sport/cu")).toEqual({
      kind: "unknown-article",
      articleId: "sport/cu",
      closest: ["sport/cup", "sport/cote"],
    });
    // A typo at the end: found for less of what was typed.
    expect(await newsdesk.summarize("sport/cupp")).toMatchObject({ closest: ["sport/cup", "sport/cote"] });
    // Found by nothing: every id, by edit distance.
    expect(await newsdesk.summarize("qqq")).toMatchObject({ closest: ["storm", "sport/cup", "sport/cote"] });
  });

  it("finds an article added by a re-index, and stops finding a removed one", async () => {
    newsdesk = await open();
    await writeFile(path.join(knowledgeDir, "floods.txt"), "Floods close roads\n\nRoads were closed.\n");
    await rm(path.join(knowledgeDir, "storm.txt"));
    await newsdesk.reindex();
    expect(newsdesk.findArticles("flo", 5).map((m) => m.article.id)).toEqual(["floods"]);
    expect(newsdesk.findArticles("storm", 5)).toEqual([]);
  });

  it("keeps finding by title after re-indexes that change, add and remove articles once the list is built", async () => {
    newsdesk = await open({}, false, true);
    const version = newsdesk.status().knowledgeVersion;
    expect(newsdesk.findArticles("cup", 5).map((m) => m.article.id)).toEqual(["sport/cup", "sport/cote"]);
    await writeFile(
      path.join(knowledgeDir, "sport", "cup.md"),
      "---\ntitle: Cup final postponed\npublished: 2026-03-01\n---\n\nThe final moved to May.\n",
    );
    await writeFile(path.join(knowledgeDir, "floods.txt"), "Floods close roads\n\nRoads were closed.\n");
    await newsdesk.reindex();
    const find = (q: string) => newsdesk!.findArticles(q, 25).map((m) => `${m.article.id}:${m.match}`);
    expect(find("cup")).toEqual(["sport/cup:prefix", "sport/cote:word-prefix"]);
    expect(find("cup draw")).toEqual([]);
    expect(find("postp")).toEqual(["sport/cup:word-prefix"]);
    expect(find("flo")).toEqual(["floods:prefix"]);
    // Newest first: the edited article's new date moves it to the top.
    expect(newsdesk.articles().map((a) => a.id)).toEqual(["sport/cup", "sport/cote", "floods", "storm"]);
    expect(newsdesk.status().knowledgeVersion).not.toBe(version);
    await rm(path.join(knowledgeDir, "floods.txt"));
    await newsdesk.reindex();
    expect(find("flo")).toEqual([]);
    expect(newsdesk.articles()).toHaveLength(3);
  });
});

describe("the core's folder watch", () => {
  it("says how changes are noticed and re-indexes by itself when polling", async () => {
    newsdesk = await open({ WATCH_KNOWLEDGE: "poll", WATCH_POLL_SECONDS: "1" }, true);
    expect(newsdesk.status().changes).toMatchObject({ kind: "poll", intervalSeconds: 1, reason: "set by WATCH_KNOWLEDGE=poll" });
    await new Promise((r) => setTimeout(r, 300)); // the first scan is the baseline
    await writeFile(path.join(knowledgeDir, "sport", "final.md"), "---\ntitle: Final tickets sold out\n---\n\nAll gone.\n");
    const end = Date.now() + 10_000;
    while (newsdesk.findArticles("final tickets", 5).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(newsdesk.findArticles("final tickets", 5).map((m) => m.article.id)).toEqual(["sport/final"]);
  });

  it("uses events by default and reports no watch for a process that does not watch", async () => {
    newsdesk = await open({}, true);
    expect(newsdesk.status().changes.kind).toBe("events");
    await newsdesk.close();
    newsdesk = await open({ WATCH_KNOWLEDGE: "false" }, true);
    expect(newsdesk.status().changes).toEqual({ kind: "manual", reason: "WATCH_KNOWLEDGE=off" });
    await newsdesk.close();
    newsdesk = await open();
    expect(newsdesk.status().changes).toEqual({ kind: "manual", reason: "this process does not watch the folder" });
  });
});
