import { describe, expect, it } from "vitest";
import { chunkArticle, estimatePieces } from "../../../src/knowledge/chunk.js";
import { joinParagraphs, splitParagraphs } from "../../../src/knowledge/paragraphs.js";
import type { Article } from "../../../src/types.js";

function article(paragraphs: string[]): Article {
  return { id: "news/one", title: "One", hash: "h", ...joinParagraphs(paragraphs) };
}

describe("splitParagraphs", () => {
  it.each([
    ["blank lines separate paragraphs", "First one.\n\nSecond one.", ["First one.", "Second one."]],
    ["a line ending a sentence ends a paragraph", "First one.\nSecond one.", ["First one.", "Second one."]],
    ["a soft-wrapped line joins the next", "A sentence that\nwraps here.", ["A sentence that wraps here."]],
    ["white space is folded", "  Too   many\tspaces.  ", ["Too many spaces."]],
    ["nothing gives nothing", " \n\n ", []],
  ])("%s", (_, body, expected) => {
    expect(splitParagraphs(body)).toEqual(expected);
  });
});

describe("chunkArticle", () => {
  it("gives one passage per short paragraph, with offsets into the article text", () => {
    const a = article(["First paragraph here.", "Second paragraph is here."]);
    const passages = chunkArticle(a);
    expect(passages.map((p) => [p.id, p.paragraph])).toEqual([
      ["news/one#p1", 1],
      ["news/one#p2", 2],
    ]);
    for (const p of passages) expect(a.text.slice(p.start, p.end)).toBe(p.text);
  });

  it("cuts a long paragraph into sentence-bounded, overlapping windows", () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} tells one more small fact about the long story.`);
    const a = article([sentences.join(" ")]);
    const passages = chunkArticle(a, { maxPieces: 60, overlapPieces: 15 });
    expect(passages.length).toBeGreaterThan(3);
    expect(passages[0]!.id).toBe("news/one#p1.1");
    for (const p of passages) {
      expect(estimatePieces(p.text)).toBeLessThanOrEqual(60);
      expect(p.text.startsWith("Sentence number")).toBe(true);
      expect(p.text.endsWith(".")).toBe(true);
    }
    // Each window after the first repeats the previous window's last sentence.
    const lastOfFirst = passages[0]!.text.split(". ").at(-1)!;
    expect(passages[1]!.text.startsWith(lastOfFirst.replace(/\.$/, ""))).toBe(true);
  });

  it("gives the same ids for the same text (stable citations)", () => {
    const a = article(["One. Two.", "Three."]);
    expect(chunkArticle(a).map((p) => p.id)).toEqual(chunkArticle(structuredClone(a)).map((p) => p.id));
  });
});
