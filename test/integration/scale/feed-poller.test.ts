// Followed feeds across gateway shards, on a real redis-server of the test's own and a local news
// site: exactly one of three shards polls (a Redis lease), writes new articles into the shared
// knowledge folder once and announces them once; a feed followed on another shard is polled by the
// poller at once; when the poller stops or dies, another shard takes over.
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/index.js";
import type { FeedService } from "../../../src/ingest/feeds.js";
import { openFeeds } from "../../../src/ingest/open-feeds.js";
import type { NewArticle } from "../../../src/ingest/poller.js";
import { silentLogger } from "../../../src/log.js";
import { leadFeedPolling, type FeedPollerLead } from "../../../src/scale/feed-poller.js";
import { holdLease } from "../../../src/scale/lease.js";
import type { BbcArticle } from "../../../tools/ingest/fixture-pages.js";
import { startFixtureSite, type FixtureSite } from "../../../tools/ingest/fixture-site.js";
import { startRedis, type TestRedis } from "../../helpers/redis-server.js";

const articleFiles = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(check: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const TOWNS = ["Kestrel Harbour", "Marlow Fen", "Ashby Cross", "Dunmore"];
const articles: BbcArticle[] = TOWNS.map((town, n) => ({
  id: `town-${n}`,
  title: `${town} council approves a new library`,
  paragraphs: [
    `The council of ${town} approved plans for a new public library on Tuesday, after a consultation that drew more than two thousand replies from residents.`,
    `The library will open in ${2027 + n} on the site of the old bus depot, the council leader said, and will hold a reading room, a children's floor and a small archive of local newspapers.`,
    `Building work is expected to cost ${4 + n} million pounds, most of it from a national fund for town centres; the rest comes from the sale of the old library building.`,
  ],
}));

let redis: TestRedis;
let site: FixtureSite;
const clients: Redis[] = [];

beforeAll(async () => {
  redis = await startRedis();
  site = await startFixtureSite(articles);
  site.feedIds = ["town-0", "town-1"];
}, 30_000);
afterAll(async () => {
  clients.forEach((c) => c.disconnect());
  await site?.close();
  await redis?.stop();
});

const client = () => {
  const c = new Redis(redis.url, { maxRetriesPerRequest: null });
  c.on("error", () => undefined);
  clients.push(c);
  return c;
};

describe("a Redis lease", () => {
  it("is held by exactly one of several contenders; released, another takes it; a holder cut off from Redis gives it up before it lapses", async () => {
    const events: string[] = [];
    const contenders = ["a", "b", "c"].map((name) => {
      const c = client();
      const lease = holdLease(c, "t:lease", name, 900, {
        acquired: () => events.push(`${name}+`),
        lost: () => events.push(`${name}-`),
      });
      return { name, c, lease };
    });
    await until(() => contenders.some((x) => x.lease.held), 2000, "a holder");
    await sleep(1000); // several renewals
    expect(contenders.filter((x) => x.lease.held)).toHaveLength(1);
    const first = contenders.find((x) => x.lease.held)!;

    await first.lease.release();
    const second = await until(() => contenders.find((x) => x !== first && x.lease.held), 2000, "a second holder");
    await sleep(600);
    expect(contenders.filter((x) => x.lease.held)).toEqual([second]);

    // The holder loses Redis (as in a network split): it stops holding before the lease can lapse,
    // and only then can the last contender take it.
    second.c.disconnect();
    const lostAt = await until(() => !second.lease.held && Date.now(), 2000, "the cut-off holder to give up");
    const third = await until(() => contenders.find((x) => x !== first && x !== second && x.lease.held), 3000, "the third holder");
    expect(events.indexOf(`${third.name}+`)).toBeGreaterThan(events.indexOf(`${second.name}-`));
    expect(Date.now()).toBeGreaterThanOrEqual(lostAt);
    await Promise.all(contenders.map((x) => x.lease.release()));
  }, 20_000);
});

describe("followed feeds with three gateway shards", () => {
  it("polls on exactly one shard, writes and announces new articles once, takes a follow from any shard, and hands over", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "newsdesk-feed-poller-"));
    const knowledge = path.join(work, "knowledge");
    mkdirSync(knowledge);
    const config = loadConfig(
      {
        KNOWLEDGE_DIR: knowledge,
        CACHE_DIR: path.join(work, "cache"), // one gateway machine: its shards share CACHE_DIR
        INGEST_ALLOW_PRIVATE: "true",
        INGEST_HOST_DELAY_MS: "0",
        FEEDS: `${site.origin}/feed.rss`,
      },
      {},
      path.join(work, "none.env"),
    );
    const announced: { shard: number; articles: NewArticle[] }[] = [];
    const shards: { lead: FeedPollerLead; feeds: FeedService }[] = [];
    for (let n = 0; n < 3; n++) {
      const lead = leadFeedPolling({ redisUrl: redis.url, prefix: "fp", owner: `shard-${n}`, leaseMs: 3000 }, silentLogger);
      const feeds = await openFeeds(config, silentLogger, async (list) => void announced.push({ shard: n, articles: list }), lead);
      lead.attach(feeds);
      shards.push({ lead, feeds });
    }
    const feedFetches = () => site.requests.filter((r) => r.path === "/feed.rss").length;

    await until(() => announced.length > 0, 15_000, "the first poll's articles");
    await sleep(1500); // time for a second poller to show itself
    const pollers = shards.filter((s) => s.lead.isPoller());
    expect(pollers).toHaveLength(1);
    const poller = shards.indexOf(pollers[0]!);
    expect(feedFetches()).toBe(1);
    expect(announced).toHaveLength(1);
    expect(announced[0]!.shard).toBe(poller);
    expect(announced[0]!.articles.map((a) => a.kind)).toEqual(["added", "added"]);
    expect(articleFiles(knowledge)).toHaveLength(2);

    // A feed followed on another shard: that shard checks it is a feed; the poller fetches its articles.
    site.feedIds = ["town-2"];
    const other = shards[(poller + 1) % 3]!;
    expect((await other.feeds.follow(`${site.origin}/feed.atom`, "admin")).kind).toBe("added");
    await until(() => announced.length > 1, 15_000, "the followed feed's article");
    expect(announced[1]!.shard).toBe(poller);
    expect(announced[1]!.articles.map((a) => a.url)).toEqual([`${site.origin}/news/town-2`]);
    // Every shard lists it (the others re-read what was written).
    await until(() => shards.every((s) => s.feeds.list().length === 2), 5000, "every shard to list both feeds");

    // The poller stops (a restart): another shard takes over and polls; nothing is added twice.
    await pollers[0]!.lead.close();
    const next = await until(() => shards.find((s) => s !== pollers[0] && s.lead.isPoller()), 5000, "another poller");
    await sleep(1500);
    expect(shards.filter((s) => s.lead.isPoller())).toEqual([next]);
    site.feedIds = ["town-2", "town-3"];
    await next.feeds.pollNow();
    expect(announced.at(-1)!.shard).toBe(shards.indexOf(next));
    expect(announced.at(-1)!.articles.map((a) => a.url)).toEqual([`${site.origin}/news/town-3`]);
    expect(articleFiles(knowledge)).toHaveLength(4);

    await Promise.all(shards.map((s) => s.lead.close()));
  }, 60_000);
});
