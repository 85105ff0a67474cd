import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../../../src/knowledge/build-article.js";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { summarizeArticle } from "../../../src/summarize/index.js";

// The seed article as the loader gives it: body after the front matter, glued words repaired.
// The summary must carry the story: who met whom, and where.
async function seedArticle() {
  const bytes = await readFile(new URL("../../../knowledge/haftar-visits-ghq.md", import.meta.url));
  return buildArticle("haftar-visits-ghq.md", bytes, (body) => repairText(body));
}

describe("the seed article's short summary", () => {
  it("names both field marshals and the General Headquarters meeting", async () => {
    const article = await seedArticle();
    const summary = await summarizeArticle(article, { length: "short" });
    const text = summary.sentences.map((s) => s.text).join(" ");
    expect(summary.sentences).toHaveLength(3);
    expect(text).toMatch(/Field Marshal Khalifa (Abu al-Qasim )?Haftar/);
    expect(text).toMatch(/Field Marshal (Syed )?Asim Munir/);
    expect(text).toMatch(/General Headquarters|GHQ/);
    for (const s of summary.sentences) {
      const p = article.paragraphs[s.paragraph - 1]!;
      expect(article.text.slice(p.start, p.end)).toContain(s.text);
    }
  });
});
