import { readFile } from "node:fs/promises";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { summarizeArticle } from "../../../src/summarize/index.js";
import { articleFromBody } from "../../../src/summarize/eval/bbc.js";

// The seed article as scraped (one paragraph a line, some words glued together), body after the
// front matter. The summary must carry the story: who met whom, and where.
async function seedArticle() {
  const raw = await readFile(new URL("../../../knowledge/haftar-visits-ghq.md", import.meta.url), "utf8");
  const { data, content } = matter(raw);
  const body = content.trim().split(/\n+/).join("\n\n");
  return articleFromBody("haftar-visits-ghq", String(data.title), body);
}

describe("the seed article's short summary", () => {
  it("names both field marshals and the General Headquarters meeting", async () => {
    const article = await seedArticle();
    const summary = await summarizeArticle(article, { length: "short" });
    const text = summary.sentences.map((s) => s.text).join(" ");
    expect(summary.sentences).toHaveLength(3);
    expect(text).toMatch(/Field Marshal Khalifa (Abu al-Qasim )?Haftar/);
    expect(text).toMatch(/Field Marshal (Syed )?Asim Munir/);
    expect(text).toMatch(/General ?Headquarters|GHQ/);
    for (const s of summary.sentences) expect(article.text).toContain(s.text);
  });
});
