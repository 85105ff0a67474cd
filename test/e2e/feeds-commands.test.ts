// /follow, /unfollow and /feeds through the real discord.js client and the fake Discord, over the
// real core and a local news site; new articles announced in ANNOUNCE_CHANNEL.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { announceArticles } from "../../src/discord/announce.js";
import type { FeedService } from "../../src/ingest/feeds.js";
import { openFeeds } from "../../src/ingest/open-feeds.js";
import { silentLogger } from "../../src/log.js";
import type { Newsdesk } from "../../src/types.js";
import { startFixtureSite, type FixtureSite } from "../../tools/ingest/fixture-site.js";
import { DATA, sampleArticles } from "../integration/ingest/ingest-helpers.js";
import { CHANNEL_ID, USERS } from "./fake-discord/world.js";
import { EPHEMERAL, sleep, startHarness, type Harness } from "./harness.js";

const present = existsSync(path.join(DATA, "bbc"));
let site: FixtureSite;
let newsdesk: Newsdesk;
let feeds: FeedService;
let h: Harness;

beforeAll(async () => {
  if (!present) return;
  site = await startFixtureSite(sampleArticles());
  site.feedIds = site.articles.slice(0, 2).map((a) => a.id);
  const work = mkdtempSync(path.join(tmpdir(), "newsdesk-feeds-e2e-"));
  mkdirSync(path.join(work, "knowledge"));
  const config = loadConfig(
    {
      ANSWER_MODE: "lexical",
      KNOWLEDGE_DIR: path.join(work, "knowledge"),
      CACHE_DIR: path.join(work, "cache"),
      INGEST_ALLOW_PRIVATE: "true",
      INGEST_HOST_DELAY_MS: "0",
    },
    {},
    path.join(work, "none.env"),
  );
  newsdesk = await createNewsdesk(config, silentLogger);
  feeds = await openFeeds(config, silentLogger, async (articles) => {
    await newsdesk.reindex();
    await announceArticles(h.bot.client, CHANNEL_ID, articles, silentLogger);
  });
  h = await startHarness(newsdesk, {}, undefined, { feeds });
});
afterAll(async () => {
  await feeds?.stop();
  await h?.stop();
  await newsdesk?.close();
  await site?.close();
});
afterEach(() => {
  if (present) expect(h.fake.allProblems()).toEqual([]);
});

const slash = (name: string, options: Record<string, string>, from = USERS.admin) =>
  h.fake.interact({ kind: "slash", name, options, from });

async function until<T>(check: () => T | undefined, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(50);
  }
}

describe.skipIf(!present)("following feeds from Discord", () => {
  it("refuses /follow and /unfollow without Manage Server", async () => {
    for (const name of ["follow", "unfollow"]) {
      const reply = await h.fake.answerOf(slash(name, { url: `${site.origin}/feed.rss` }, USERS.alice));
      expect(reply.content).toMatch(/Manage Server/);
      expect(reply.flags).toBe(EPHEMERAL);
    }
    expect(feeds.list()).toEqual([]);
  });

  it("/follow checks the feed, follows it, and its articles are announced and answerable", async () => {
    const bad = await h.fake.answerOf(slash("follow", { url: `${site.origin}/image.png` }));
    expect(bad.content).toMatch(/^Not followed: .* could not be read as a feed \(not an RSS or Atom feed\)\.$/);
    const i = slash("follow", { url: `${site.origin}/feed.rss` });
    const reply = await h.fake.answerOf(i);
    expect(i.callbacks[0]!.data.flags).toBe(EPHEMERAL);
    expect(reply.content).toBe(
      `Following <${site.origin}/feed.rss>. Its articles are being fetched now; after that it is checked every 30 min.`,
    );
    const announcement = await until(() =>
      h.fake.channelMessages.find((m: any) => m.channel_id === CHANNEL_ID && /new article/.test(m.content)),
    );
    expect(announcement.content).toContain(`**${site.articles[0]!.title}** <${site.origin}/news/${site.articles[0]!.id}>`);
    expect(announcement.content).toMatch(/^📰 2 new articles in the knowledge:/);
    expect(newsdesk.articles().map((a) => a.source)).toContain(`${site.origin}/news/${site.articles[1]!.id}`);
  });

  it("/feeds lists each feed with who followed it, its articles and its last check", async () => {
    const reply = await h.fake.answerOf(slash("feeds", {}, USERS.alice));
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/^Following 1 feed, checked every 30 min:\n• \*\*The Daily Record & Friends\*\* </);
    expect(reply.content).toContain(`followed by <@${USERS.admin.id}> · 2 articles · last checked <t:`);
  });

  it("/unfollow stops following; /feeds then says none are", async () => {
    const reply = await h.fake.answerOf(slash("unfollow", { url: `${site.origin}/feed.rss` }));
    expect(reply.content).toMatch(/^No longer following/);
    const again = await h.fake.answerOf(slash("unfollow", { url: `${site.origin}/feed.rss` }));
    expect(again.content).toMatch(/is not followed/);
    expect((await h.fake.answerOf(slash("feeds", {}))).content).toMatch(/^No feeds are followed/);
  });
});
