import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "../../../src/ingest/address-guard.js";
import { decodeBody } from "../../../src/ingest/charset.js";
import { classify } from "../../../src/ingest/classify.js";
import { canonicalUrl } from "../../../src/ingest/extract-article.js";
import { parseFeed } from "../../../src/ingest/parse-feed.js";
import { parseSitemap } from "../../../src/ingest/parse-sitemap.js";
import { createHostLimiter } from "../../../src/ingest/rate-limit.js";
import { parseRobots, robotsAllow } from "../../../src/ingest/robots.js";
import { retryAfterMs } from "../../../src/ingest/safe-fetch.js";
import { hostFolder, slugFor } from "../../../src/ingest/slug.js";
import { toMarkdown } from "../../../src/ingest/to-markdown.js";
import { parseMarkdown } from "../../../src/knowledge/parse-markdown.js";

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.2.3.4", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["8.8.8.8", false],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::ffff:808:808", false],
    ["64:ff9b::a00:1", true],
    ["2606:4700::1111", false],
    ["not-an-ip", true],
  ])("%s → %s", (address, expected) => expect(isPrivateAddress(address)).toBe(expected));
});

describe("robots.txt", () => {
  const text = `# comment
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: Googlebot
User-agent: Newsdesk
Disallow: /no-bots/
Crawl-delay: 2
`;
  it("uses our own group when one names us, with its crawl delay", () => {
    const r = parseRobots(text, "Newsdesk");
    expect(robotsAllow(r, "/no-bots/x")).toBe(false);
    expect(robotsAllow(r, "/private/x")).toBe(true);
    expect(r.crawlDelay).toBe(2);
  });
  it("else the * group: longest match wins, Allow wins a tie, * and $ patterns", () => {
    const r = parseRobots(text, "OtherBot");
    expect(robotsAllow(r, "/private/x")).toBe(false);
    expect(robotsAllow(r, "/private/open/y")).toBe(true);
    expect(robotsAllow(r, "/files/a.pdf")).toBe(false);
    expect(robotsAllow(r, "/files/a.pdf?x=1")).toBe(true);
    expect(robotsAllow(r, "/news/1")).toBe(true);
    expect(robotsAllow(parseRobots("User-agent: *\nDisallow:\n", "Newsdesk"), "/x")).toBe(true);
  });
});

describe("decodeBody", () => {
  const cp1252 = Buffer.from([0x93, 0x43, 0x6f, 0x73, 0x74, 0x94, 0x20, 0xa3, 0x35, 0x20, 0x80, 0x32]); // “Cost” £5 €2
  it.each([
    ["text/html; charset=windows-1252", cp1252, "“Cost” £5 €2"],
    ["text/html", cp1252, "“Cost” £5 €2"],
    ["text/html; charset=utf-8", cp1252, "“Cost” £5 €2"],
    ["text/html; charset=iso-8859-1", Buffer.from("“Cost” £5 €2"), "“Cost” £5 €2"],
    ["text/html", Buffer.from('<meta charset="windows-1252">\xa3', "latin1"), '<meta charset="windows-1252">£'],
    ["text/html", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("é")]), "é"],
  ])("%s", (type, bytes, text) => expect(decodeBody(bytes, type).text).toBe(text));
});

describe("small parts", () => {
  it("classifies bodies by type, then by their opening", () => {
    expect(classify("text/html; charset=utf-8", "")).toBe("html");
    expect(classify("application/rss+xml", "")).toBe("xml");
    expect(classify("", "<?xml version='1.0'?><rss>")).toBe("xml");
    expect(classify("text/plain", "<!DOCTYPE html><html>")).toBe("html");
    expect(classify("image/png", "<html>")).toBe("other");
  });
  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("120")).toBe(120_000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:10 GMT", Date.parse("2026-01-01T00:00:00Z"))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });
  it("spaces requests per host, not across hosts", async () => {
    let t = 0;
    const limiter = createHostLimiter(1000, () => t);
    const order: string[] = [];
    const a1 = limiter.wait("a").then(() => order.push("a1"));
    const b1 = limiter.wait("b").then(() => order.push("b1"));
    await Promise.all([a1, b1]);
    t = 10;
    let done = false;
    const a2 = limiter.wait("a").then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    t = 1000;
    await a2;
    expect(order.sort()).toEqual(["a1", "b1"]);
  });
  it("trusts a canonical link only within the page's own site", () => {
    expect(canonicalUrl("/news/1#top", "https://www.bbc.co.uk/x")).toBe("https://www.bbc.co.uk/news/1");
    expect(canonicalUrl("https://m.bbc.co.uk/news/1", "https://www.bbc.co.uk/x")).toBe("https://m.bbc.co.uk/news/1");
    expect(canonicalUrl("https://evil.example/news/1", "https://www.bbc.co.uk/x")).toBe("https://www.bbc.co.uk/x");
    expect(canonicalUrl("javascript:alert(1)", "https://www.bbc.co.uk/x")).toBe("https://www.bbc.co.uk/x");
  });
  it("makes slugs and host folders from URLs", () => {
    expect(slugFor(new URL("https://www.bbc.co.uk/news/business-123.html"))).toBe("news-business-123");
    expect(slugFor(new URL("https://e.com/"))).toBe("index");
    expect(slugFor(new URL("https://e.com/story?id=7"))).toMatch(/^story-[0-9a-f]{8}$/);
    expect(slugFor(new URL("https://e.com/caf%C3%A9/%E2%82%AC"))).toBe("cafe");
    expect(hostFolder(new URL("http://127.0.0.1:8080/x"))).toBe("127.0.0.1_8080");
  });
  it("writes Markdown the knowledge loader reads back word for word, markup characters included", () => {
    const paragraphs = [
      "1. Not a list: *stars*, _under_ and [brackets] (x) stay.",
      "# Not a heading > nor a quote",
      "- 2005 was `quiet` \\ ok",
    ];
    const md = toMarkdown({ kind: "article", title: 'A "quoted": title', url: "https://e.com/a", published: "2005-03-14", paragraphs });
    const back = parseMarkdown(md);
    expect(back.meta).toMatchObject({ title: 'A "quoted": title', source: "https://e.com/a", published: "2005-03-14" });
    expect(back.body.trim().split("\n\n")).toEqual(paragraphs);
  });
  it("parses a sitemap and an RSS 1.0 feed", () => {
    expect(parseSitemap(`<urlset><url><loc> /a </loc></url><url><loc>https://e.com/b</loc></url></urlset>`, "https://e.com/s.xml")).toEqual(
      {
        kind: "urlset",
        urls: ["https://e.com/a", "https://e.com/b"],
      },
    );
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item><title>One</title><link>https://e.com/1</link></item></rdf:RDF>`;
    expect(parseFeed(rdf, "https://e.com/")).toMatchObject({ format: "rss", items: [{ url: "https://e.com/1", title: "One" }] });
    expect(parseFeed("<html><body/></html>", "https://e.com/")).toBeUndefined();
  });
});
