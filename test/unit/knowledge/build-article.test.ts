import { describe, expect, it } from "vitest";
import { UnreadableFile } from "../../../src/errors.js";
import { articleIdOf, buildArticle } from "../../../src/knowledge/build-article.js";

const identity = (s: string) => s;
const bytes = (s: string) => new TextEncoder().encode(s);

describe("buildArticle", () => {
  it("reads Markdown front matter and body", () => {
    const a = buildArticle(
      "world/visit.md",
      bytes(
        '---\ntitle: "A visit"\nsource: https://example.com/a\npublished: 2025-12-01\nauthor: Staff\ndateline: Islamabad\n---\nFirst *paragraph* with a [link](https://x.y).\n\nSecond one.\n',
      ),
      identity,
    );
    expect(a).toMatchObject({
      id: "world/visit",
      title: "A visit",
      source: "https://example.com/a",
      published: "2025-12-01",
      author: "Staff",
      dateline: "Islamabad",
    });
    expect(a.text).toBe("First paragraph with a link.\n\nSecond one.");
    expect(a.paragraphs.map((p) => a.text.slice(p.start, p.end))).toEqual(["First paragraph with a link.", "Second one."]);
  });

  it("takes the title of a text file from its first line", () => {
    const a = buildArticle("business/017.txt", bytes("Ad sales boost profit\n\nProfits jumped 76%.\n\nSales rose.\n"), identity);
    expect(a.id).toBe("business/017");
    expect(a.title).toBe("Ad sales boost profit");
    expect(a.paragraphs).toHaveLength(2);
  });

  it("keeps the article of an HTML page and drops navigation and scripts", () => {
    const html = `<html><head><title>Storm hits coast</title><link rel="canonical" href="https://news.example/storm">
      <script>var tracking = "ad";</script></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Storm hits coast</h1><p>A strong storm hit the northern coast on Monday, cutting power to thousands of homes across the region and closing schools.</p>
      <p>Officials said repairs would take at least three days, and asked residents to stay indoors while crews cleared fallen trees.</p>
      <p>The weather service expects calmer conditions by the weekend, with lighter winds and only scattered showers.</p></article>
      <aside class="ad">Buy now! Special offer!</aside><footer>Cookie settings</footer></body></html>`;
    const a = buildArticle("pages/storm.html", bytes(html), identity);
    expect(a.title).toBe("Storm hits coast");
    expect(a.source).toBe("https://news.example/storm");
    expect(a.text).toContain("cutting power to thousands of homes");
    expect(a.text).not.toMatch(/tracking|Buy now|Cookie|Home World/);
  });

  it("applies the repair function before cutting paragraphs", () => {
    const a = buildArticle("a.txt", bytes("T\n\nglued text.\n"), (s) => s.replace("glued", "mended"));
    expect(a.text).toBe("mended text.");
  });

  it.each([
    ["an empty file", "x.md", new Uint8Array(), /empty/],
    ["a binary file", "x.md", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]), /binary/],
    ["invalid UTF-8", "x.txt", new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x20, 0x61]), /UTF-8/],
    ["broken front matter", "x.md", bytes("---\ntitle: [unclosed\n---\nBody.\n"), /front matter/],
    ["a text file with only a title", "x.txt", bytes("Just a title\n"), /no article text/],
  ])("refuses %s with a reason", (_, file, content, reason) => {
    expect(() => buildArticle(file, content, identity)).toThrow(UnreadableFile);
    expect(() => buildArticle(file, content, identity)).toThrow(reason);
  });

  it("derives ids from paths with / separators and no extension", () => {
    expect(articleIdOf("business/017.txt")).toBe("business/017");
    expect(articleIdOf("seed.md")).toBe("seed");
  });
  it.each([
    ["UTF-16 LE with a byte-order mark", (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])],
    ["UTF-16 BE with a byte-order mark", (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, "utf16le").swap16()])],
    ["UTF-16 LE without a mark", (t: string) => Buffer.from(t, "utf16le")],
  ])("reads %s as text, not binary", (_, encode) => {
    const a = buildArticle("notes.txt", encode("Café reopens\n\nThe café on the square reopened on Monday.\n"), identity);
    expect(a.title).toBe("Café reopens");
    expect(a.text).toContain("The café on the square reopened on Monday.");
  });

  it("names broken UTF-16 as such", () => {
    const broken = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("Title\n\nBody.", "utf16le"),
      Buffer.from([0x00, 0xd8, 0x41, 0x00]),
    ]);
    expect(() => buildArticle("x.txt", broken, identity)).toThrow(/not valid UTF-16LE text/);
  });
});
