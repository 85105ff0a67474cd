import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatAnnouncement } from "../../../src/discord/announce.js";
import { formatFeeds } from "../../../src/discord/format/feed-replies.js";
import { loadConfig } from "../../../src/config/index.js";
import { ConfigError, IngestError } from "../../../src/errors.js";
import { openFollowState } from "../../../src/ingest/follow-state.js";
import { openValidators } from "../../../src/ingest/validators.js";

const dir = () => mkdtempSync(path.join(tmpdir(), "newsdesk-follow-"));

describe("follow state", () => {
  it("keeps run-time follows across restarts, beside the feeds from settings", async () => {
    const cache = dir();
    const state = await openFollowState(cache, ["https://a.example/rss.xml"]);
    expect(state.follow("https://b.example/feed#top", "42")).toEqual({ kind: "added", url: "https://b.example/feed" });
    expect(state.follow("https://a.example/rss.xml", "42")).toMatchObject({ kind: "already" });
    expect(state.follow("javascript:alert(1)", "42")).toMatchObject({ kind: "invalid" });
    state.record("https://b.example/feed").seen.push("https://b.example/1");
    await state.save();
    const again = await openFollowState(cache, ["https://a.example/rss.xml"]);
    expect(again.list().map((f) => [f.url, f.from, f.addedBy ?? null, f.seen])).toEqual([
      ["https://a.example/rss.xml", "settings", null, []],
      ["https://b.example/feed", "follow", "42", ["https://b.example/1"]],
    ]);
    expect(again.unfollow("https://a.example/rss.xml")).toMatchObject({ kind: "from-settings" });
    expect(again.unfollow("https://b.example/feed")).toMatchObject({ kind: "removed" });
  });

  it("refuses a corrupt state file by name instead of starting over silently", async () => {
    const cache = dir();
    mkdirSync(path.join(cache, "ingest"));
    writeFileSync(path.join(cache, "ingest", "feeds.json"), "{ not json");
    await expect(openFollowState(cache, [])).rejects.toThrow(IngestError);
    await expect(openFollowState(cache, [])).rejects.toThrow(/feeds\.json is not valid JSON/);
  });

  it.each([
    ["a feed whose seen list is null", { version: 1, followed: [], feeds: { "https://a.example/rss": { seen: null, articles: 0 } } }],
    ["a followed list of numbers", { version: 1, followed: [1, 2], feeds: {} }],
    ["another version", { version: 2, followed: [], feeds: {} }],
  ])("refuses a state file with %s, naming it, before any poll", async (_name, content) => {
    const cache = dir();
    mkdirSync(path.join(cache, "ingest"));
    writeFileSync(path.join(cache, "ingest", "feeds.json"), JSON.stringify(content));
    await expect(openFollowState(cache, [])).rejects.toThrow(/feeds\.json does not hold what Newsdesk wrote/);
  });

  it("starts the HTTP validator cache empty when it does not hold what Newsdesk wrote (it is only a cache)", async () => {
    const cache = dir();
    mkdirSync(path.join(cache, "ingest"));
    writeFileSync(path.join(cache, "ingest", "validators.json"), JSON.stringify({ "https://a.example/": { etag: 42 } }));
    const validators = await openValidators(cache);
    expect(validators.get("https://a.example/")).toBeUndefined();
  });
});

describe("feed settings", () => {
  it("takes FEEDS as http(s) URLs and a polite FEED_INTERVAL_MINUTES, naming each bad value", () => {
    const load = (env: Record<string, string>) => loadConfig({}, env, "/nonexistent.env");
    expect(load({ FEEDS: "https://a.example/rss, http://b.example/atom" }).FEEDS).toEqual([
      "https://a.example/rss",
      "http://b.example/atom",
    ]);
    expect(() => load({ FEEDS: "https://a.example/rss,file:///etc/passwd" })).toThrow(ConfigError);
    expect(() => load({ FEEDS: "news.example/rss" })).toThrow(/FEEDS: must be http\(s\) URLs/);
    expect(() => load({ FEED_INTERVAL_MINUTES: "0.1" })).toThrow(/FEED_INTERVAL_MINUTES/);
    expect(() => load({ FEED_INTERVAL_MINUTES: "100000" })).toThrow(/FEED_INTERVAL_MINUTES/);
  });
});

describe("feed replies", () => {
  const feed = (i: number) => ({
    url: `https://news${i}.example/rss.xml`,
    from: "follow" as const,
    addedBy: "42",
    seen: [],
    articles: i,
    title: `Feed ${i}`,
    lastPoll: "2026-11-30T12:00:00Z",
    lastError: i === 1 ? "HTTP 503" : undefined,
  });
  it("lists feeds within Discord's 2,000 characters, saying how many more there are", () => {
    const text = formatFeeds(
      Array.from({ length: 60 }, (_, i) => feed(i)),
      30,
    );
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^Following 60 feeds, checked every 30 min:\n/);
    expect(text).toContain(
      "• **Feed 1** <https://news1.example/rss.xml> — followed by <@42> · 1 article · last checked <t:1796040000:R> · ⚠️ HTTP 503",
    );
    expect(text).toMatch(/… and \d+ more\.$/);
  });
  it("announces new and updated articles within 2,000 characters", () => {
    const article = (i: number, kind: "added" | "updated") => ({
      kind,
      url: `https://e.com/${i}`,
      file: "f",
      title: `Story *${i}*`,
      feed: "x",
    });
    expect(formatAnnouncement([article(1, "added"), article(2, "updated")])).toBe(
      "📰 1 new article in the knowledge:\n• **Story 1** <https://e.com/1>\n✏️ Updated at the source:\n• **Story 2** <https://e.com/2>",
    );
    const many = formatAnnouncement(Array.from({ length: 200 }, (_, i) => article(i, "added")));
    expect(many.length).toBeLessThanOrEqual(2000);
    expect(many).toMatch(/… and \d+ more lines\.$/);
  });
});
