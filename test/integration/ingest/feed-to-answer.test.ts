// End to end: a followed feed gains an article; within one poll the core answers a question
// about it, citing the article's URL as its source. Real files, real createNewsdesk (lexical).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { openFeeds } from "../../../src/ingest/open-feeds.js";
import type { FeedService } from "../../../src/ingest/feeds.js";
import type { NewArticle } from "../../../src/ingest/poller.js";
import { createLogger, silentLogger } from "../../../src/log.js";
import type { Newsdesk } from "../../../src/types.js";
import { startFixtureSite, type FixtureSite } from "../../../tools/ingest/fixture-site.js";
import { DATA, sampleArticles } from "./ingest-helpers.js";

const present = existsSync(path.join(DATA, "bbc"));
const QUESTION = "What was the malicious program sent as an e-mail attachment called?";
let site: FixtureSite;
let newsdesk: Newsdesk;
let feeds: FeedService;
const announced: NewArticle[][] = [];
const logs: string[] = [];

beforeAll(async () => {
  if (!present) return;
  site = await startFixtureSite(sampleArticles());
  site.feedIds = site.articles.slice(0, 3).map((a) => a.id);
  const work = mkdtempSync(path.join(tmpdir(), "newsdesk-feed-"));
  mkdirSync(path.join(work, "knowledge"));
  writeFileSync(path.join(work, "broken.env"), "");
  const config = loadConfig(
    {
      ANSWER_MODE: "lexical",
      KNOWLEDGE_DIR: path.join(work, "knowledge"),
      CACHE_DIR: path.join(work, "cache"),
      FEEDS: `${site.origin}/feed.rss,${site.origin}/error,${site.origin}/feed.atom`,
      INGEST_ALLOW_PRIVATE: "true",
      INGEST_HOST_DELAY_MS: "0",
    },
    {},
    path.join(work, "none.env"),
  );
  newsdesk = await createNewsdesk(config, silentLogger);
  const logger = createLogger({ level: "info", format: "json", write: (l) => logs.push(l) });
  feeds = await openFeeds(config, logger, async (articles) => {
    await newsdesk.reindex();
    announced.push(articles);
  });
});
afterAll(async () => {
  await feeds?.stop();
  await newsdesk?.close();
  await site?.close();
});

describe.skipIf(!present)("a followed feed gains an article", () => {
  it("is answered about, with the article's URL as the citation's source, after one poll", async () => {
    const first = await feeds.pollNow();
    expect(first).toMatchObject({ feeds: 3, failed: 1 });
    expect(first.articles.map((a) => a.url)).toEqual(site.feedIds.map((id) => `${site.origin}/news/${id}`));
    const before = await newsdesk.ask(QUESTION);
    expect(before.kind !== "not-found" ? before.citation.title : "not found").not.toBe("Microsoft seeking spyware trojan");

    const story = site.articles[11]!;
    site.feedIds = [story.id, ...site.feedIds];
    const second = await feeds.pollNow();
    expect(second.articles.map((a) => [a.kind, a.url])).toEqual([["added", `${site.origin}/news/${story.id}`]]);

    const answer = await newsdesk.ask(QUESTION);
    expect(answer.kind).toBe("answer");
    if (answer.kind !== "answer") return;
    expect(answer.answer).toMatch(/^Bankash/);
    expect(answer.citation.quote).toContain("called Bankash-A Trojan");
    expect(answer.citation.source).toBe(`${site.origin}/news/${story.id}`);
    expect(answer.citation.title).toBe(story.title);
    expect(announced.at(-1)!.map((a) => a.title)).toEqual([story.title]);
  });

  it("keeps a failing feed's error for /feeds without stopping the others, and logs it once per poll", async () => {
    const list = feeds.list();
    expect(list.map((f) => [f.url.replace(site.origin, ""), f.from, f.lastError ?? null])).toEqual([
      ["/feed.rss", "settings", null],
      ["/error", "settings", "HTTP 503"],
      ["/feed.atom", "settings", null],
    ]);
    expect(list[0]!.articles).toBe(4);
    const errorLines = logs.map((l) => JSON.parse(l)).filter((l) => l.url === `${site.origin}/error`);
    expect(errorLines.map((l) => l.msg)).toEqual([
      `ingest failed: ${site.origin}/error: HTTP 503`,
      `ingest failed: ${site.origin}/error: HTTP 503`,
    ]);
  });

  it("follows and unfollows at run time; the feeds from settings stay", async () => {
    expect(await feeds.follow(`${site.origin}/image.png`, "u1")).toMatchObject({ kind: "not-a-feed", reason: "not an RSS or Atom feed" });
    expect(await feeds.follow("file:///etc/passwd", "u1")).toMatchObject({ kind: "invalid" });
    expect(await feeds.follow(`${site.origin}/feed.rss`, "u1")).toMatchObject({ kind: "already" });
    site.feedIds = site.articles.slice(5, 7).map((a) => a.id);
    expect(await feeds.unfollow(`${site.origin}/feed.rss`)).toMatchObject({ kind: "from-settings" });
    expect(await feeds.unfollow(`${site.origin}/nothing.xml`)).toMatchObject({ kind: "unknown" });
  });
});
