// The ingest path against a local news site: pages, feeds, sitemaps, politeness, failures.
import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/knowledge/parse-markdown.js";
import { startFixtureSite, type FixtureSite } from "../../../tools/ingest/fixture-site.js";
import { DATA, makeIngester, sampleArticles, testPolicy } from "./ingest-helpers.js";

const present = existsSync(path.join(DATA, "bbc"));
let site: FixtureSite;

beforeAll(async () => {
  if (present) site = await startFixtureSite(sampleArticles(), { slowMs: 4000 });
});
afterAll(async () => site?.close());

const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

describe.skipIf(!present)("ingest against a local news site", () => {
  it("stores an article page as Markdown with front matter under <host>/<slug>.md, chrome left out", async () => {
    const t = await makeIngester();
    const a = site.articles[3]!;
    const [outcome] = await t.ingester.ingest(`${site.origin}/news/${a.id}`);
    expect(outcome).toMatchObject({
      kind: "added",
      url: `${site.origin}/news/${a.id}`,
      file: `web/127.0.0.1_${site.port}/news-${a.id}.md`,
    });
    const text = readFileSync(path.join(t.knowledge, (outcome as { file: string }).file), "utf8");
    const doc = parseMarkdown(text);
    expect(doc.meta).toMatchObject({ title: a.title, source: `${site.origin}/news/${a.id}`, published: "2005-03-14" });
    expect(doc.meta.author).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(doc.body.trim()).toBe(a.paragraphs.join("\n\n"));
    expect(text).not.toMatch(/cookie|Advertisement|Related stories|newsletter|Reply/i);
  });

  it("names itself with a contact in the User-Agent and asks robots.txt once per site", async () => {
    const t = await makeIngester();
    const before = site.requests.length;
    await t.ingester.ingest(`${site.origin}/news/${site.articles[4]!.id}`);
    await t.ingester.ingest(`${site.origin}/news/${site.articles[5]!.id}`);
    const mine = site.requests.slice(before);
    expect(mine.map((r) => r.path)).toEqual(["/robots.txt", `/news/${site.articles[4]!.id}`, `/news/${site.articles[5]!.id}`]);
    for (const r of mine) expect(r.headers["user-agent"]).toMatch(/^Newsdesk\/\S+ \(.*\+ops@example\.org\)$/);
  });

  it("honours robots.txt: a disallowed page is never requested; an Allow inside it is", async () => {
    const t = await makeIngester();
    const before = site.requests.length;
    const [out] = await t.ingester.ingest(`${site.origin}/private/${site.articles[0]!.id}`);
    expect(out).toEqual({ kind: "failed", url: `${site.origin}/private/${site.articles[0]!.id}`, reason: "disallowed by robots.txt" });
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(["/robots.txt"]);
  });

  it("stores a story once: a second URL with the same canonical is the same file; a copy of its text elsewhere is a duplicate", async () => {
    const t = await makeIngester();
    const a = site.articles[6]!;
    const first = await t.ingester.ingest(`${site.origin}/news/${a.id}`);
    const again = await t.ingester.ingest(`${site.origin}/news/${a.id}?utm_source=feed`);
    const mirror = await t.ingester.ingest(`${site.origin}/mirror/${a.id}`);
    expect(first[0]!.kind).toBe("added");
    expect(again[0]).toMatchObject({ kind: "unchanged", url: `${site.origin}/news/${a.id}` });
    expect(mirror[0]).toMatchObject({ kind: "duplicate", url: `${site.origin}/mirror/${a.id}`, of: `${site.origin}/news/${a.id}` });
    expect(files(t.knowledge)).toHaveLength(1);
  });

  it("updates an article changed at its source in place, and a fresh run over the folder knows it", async () => {
    const t = await makeIngester();
    const a = site.articles[7]!;
    const [first] = await t.ingester.ingest(`${site.origin}/news/${a.id}`);
    site.update(a.id, {
      ...a,
      paragraphs: [...a.paragraphs, "Correction: an earlier version of this story gave the wrong date for the vote."],
    });
    try {
      const reopened = await makeIngester(testPolicy(), { knowledge: t.knowledge, cache: t.cache });
      const [second] = await reopened.ingester.ingest(`${site.origin}/news/${a.id}`);
      expect(second).toMatchObject({ kind: "updated", file: (first as { file: string }).file });
      expect(files(t.knowledge)).toHaveLength(1);
      expect(readFileSync(path.join(t.knowledge, (first as { file: string }).file), "utf8")).toContain("Correction: an earlier version");
    } finally {
      site.update(a.id, a);
    }
  });

  it("follows an RSS 2.0 feed (CDATA titles, entities, relative links) and an Atom feed (xml:base) to their articles", async () => {
    const t = await makeIngester();
    const rss = await t.ingester.ingest(`${site.origin}/feed.rss`);
    expect(rss.map((o) => [o.kind, o.url])).toEqual(site.feedIds.map((id) => ["added", `${site.origin}/news/${id}`]));
    const atom = await t.ingester.ingest(`${site.origin}/feed.atom`);
    expect(atom.map((o) => o.kind)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const feed = await t.ingester.feed(`${site.origin}/feed.rss`);
    expect(feed).toMatchObject({ kind: "feed", title: "The Daily Record & Friends" });
    expect(feed.kind === "feed" && feed.items[0]).toMatchObject({
      title: site.articles[0]!.title,
      author: "Desk & Wires",
      published: "2005-03-14",
    });
  });

  it("reads a sitemap index and its sitemaps (absolute and relative locations) to every article", async () => {
    const t = await makeIngester();
    const out = await t.ingester.ingest(`${site.origin}/sitemap-index.xml`);
    expect(out.map((o) => o.kind)).toEqual(site.articles.map(() => "added"));
    expect(files(path.join(t.knowledge, "web"))).toHaveLength(site.articles.length);
  });

  it("asks again with If-None-Match and takes a 304 as unchanged", async () => {
    const t = await makeIngester();
    const url = `${site.origin}/etag/${site.articles[8]!.id}`;
    expect((await t.ingester.ingest(url))[0]!.kind).toBe("added");
    await t.ingester.flush();
    const reopened = await makeIngester(testPolicy(), { knowledge: t.knowledge, cache: t.cache });
    expect(await reopened.ingester.article(url)).toEqual({ kind: "not-modified", url });
    expect(site.requests.at(-1)!.headers["if-none-match"]).toBe(`"v1-${site.articles[8]!.id}"`);
  });

  it("waits out a 429 with a short Retry-After and gets the page; a long one fails naming the wait", async () => {
    const t = await makeIngester();
    const started = Date.now();
    const [busy] = await t.ingester.ingest(`${site.origin}/busy`);
    expect(busy!.kind).toBe("added");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const [long] = await t.ingester.ingest(`${site.origin}/busy-long`);
    expect(long).toEqual({ kind: "failed", url: `${site.origin}/busy-long`, reason: "HTTP 429: asked to wait 3600 s" });
  });

  it("turns each bad URL into one log line naming it and the reason, and carries on with the rest", async () => {
    const t = await makeIngester(testPolicy({ timeoutMs: 800, maxBytes: 1_000_000, maxRedirects: 4 }));
    const bad: [string, RegExp][] = [
      ["/error", /^HTTP 503$/],
      ["/crash", /^HTTP 500$/],
      ["/slow", /^timed out after 800 ms$/],
      ["/loop-a", /^redirect loop at .*\/loop-a$/],
      ["/hop/9", /^more than 4 redirects$/],
      ["/ftp", /^only http and https are fetched, not ftp:$/],
      ["/huge", /^response is over the 1000000-byte limit$/],
      ["/image.png", /^not a page, feed or sitemap \(image\/png\)$/],
      ["/report.pdf", /^not a page, feed or sitemap \(application\/pdf\)$/],
      ["/broken-feed.xml", /^the rss feed lists no articles$/],
      ["/nowhere", /^HTTP 404$/],
    ];
    const started = Date.now();
    for (const [p, reason] of bad) {
      const out = await t.ingester.ingest(site.origin + p);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ kind: "failed", url: site.origin + p });
      expect((out[0] as { reason: string }).reason).toMatch(reason);
    }
    expect(Date.now() - started).toBeLessThan(8000);
    expect((await t.ingester.ingest(`${site.origin}/hop/3`))[0]!.kind).toBe("added");
    const lines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.level === "warn");
    expect(lines.map((l) => l.url)).toEqual(bad.map(([p]) => site.origin + p));
    for (const l of lines) expect(l.msg).toBe(`ingest failed: ${l.url}: ${l.reason}`);
    expect(files(t.knowledge)).toHaveLength(1);
  });

  it.each([
    ["declared windows-1252", "declared"],
    ["no charset anywhere", "missing"],
    ["windows-1252 bytes labelled utf-8", "wrong"],
    ["utf-8 bytes labelled iso-8859-1", "latin1-label"],
  ])("reads %s right", async (_name, kind) => {
    const t = await makeIngester();
    const a = site.articles[0]!;
    const [out] = await t.ingester.ingest(`${site.origin}/charset/${kind}/${a.id}`);
    expect(out!.kind).toBe("added");
    const body = parseMarkdown(readFileSync(path.join(t.knowledge, (out as { file: string }).file), "utf8")).body;
    expect(body).toContain("£");
    expect(body.trim()).toBe(a.paragraphs.join("\n\n"));
  });

  it("leaves nothing half-written when a file cannot be written", async () => {
    const t = await makeIngester();
    // The host folder's name is taken by a file: the write fails.
    mkdirSync(path.join(t.knowledge, "web"), { recursive: true });
    writeFileSync(path.join(t.knowledge, "web", `127.0.0.1_${site.port}`), "not a folder");
    const [out] = await t.ingester.ingest(`${site.origin}/news/${site.articles[9]!.id}`);
    expect(out).toMatchObject({ kind: "failed", reason: expect.stringMatching(/^cannot write the article: /) });
    expect(files(t.knowledge).map((f) => path.basename(f))).toEqual([`127.0.0.1_${site.port}`]);
  });
});
