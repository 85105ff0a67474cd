import { describe, expect, it } from "vitest";
import { answerShape, hasShape } from "../../../src/retrieval/answer-shape.js";
import { phraseBonus } from "../../../src/retrieval/phrase-match.js";
import { retrieve } from "../../../src/retrieval/retrieve.js";
import { indexArticles } from "../../../src/search/memory-index.js";
import { searchWords } from "../../../src/text/index.js";
import type { Article } from "../../../src/types.js";

const idf = (w: string) => ({ internet: 2, pharmacies: 3, cardinals: 4, arizona: 3 })[w] ?? 0;

describe("phraseBonus", () => {
  it("adds the larger idf of each question word pair the passage says verbatim", () => {
    const q = searchWords("What is one problem with internet pharmacies?");
    expect(phraseBonus(q, searchWords("Of concern with Internet pharmacies is the ease of access."), idf)).toBe(2 + 3); // "with internet", "internet pharmacies"
    // The same words, not side by side: no phrase.
    expect(phraseBonus(q, searchWords("Pharmacies on the internet are a concern."), idf)).toBe(0);
  });

  it("skips pairs of stop words, and a one-word question has no pairs", () => {
    expect(phraseBonus(searchWords("what is the"), searchWords("what is the answer"), () => 1)).toBe(0);
    expect(phraseBonus(["cardinals"], ["cardinals"], idf)).toBe(0);
  });
});

describe("answerShape", () => {
  it.each([
    ["When did the storm hit?", "time"],
    ["In what year was the bridge built?", "time"],
    ["How many people live there?", "number"],
    ["What percentage of the vote did she win?", "number"],
    ["Who built the bridge?", undefined],
  ])("%s → %s", (question, shape) => {
    expect(answerShape(question)).toBe(shape);
  });

  it("finds a year for time and any number for number", () => {
    expect(hasShape("The bridge opened in 1932.", "time")).toBe(true);
    expect(hasShape("The bridge opened long ago.", "time")).toBe(false);
    expect(hasShape("About three million people live there.", "number")).toBe(true);
    expect(hasShape("Many people live there.", "number")).toBe(false);
  });
});

const article = (id: string, text: string): Article => ({
  id,
  title: "Bridge",
  text,
  paragraphs: [{ number: 1, start: 0, end: text.length }],
  hash: id,
});

describe("retrieve with the phrase and shape signals", () => {
  const articles = [
    article("a", "The old bridge over the river was built by the town council with stone from the hills."),
    article("b", "The bridge over the river was built in 1932 by the town council."),
  ];

  it("prefers the passage whose best sentence has the year a when-question asks for", async () => {
    const { search } = await indexArticles(articles);
    const q = "When was the bridge over the river built?";
    expect(retrieve(search, q, { k: 2 })[0]!.passage.articleId).toBe("b");
    // Same question without the shape signal: the two are close and the shorter passage's lead is smaller.
    const without = retrieve(search, q, { k: 2, shapeWeight: 0 });
    const withShape = retrieve(search, q, { k: 2 });
    const gap = (hits: typeof without) =>
      hits.find((h) => h.passage.articleId === "b")!.score - hits.find((h) => h.passage.articleId === "a")!.score;
    expect(gap(withShape)).toBeGreaterThan(gap(without));
  });

  it("lifts the passage that says the question's phrase word for word", async () => {
    const { search } = await indexArticles([
      article("c", "Pharmacies sell drugs on the internet, and some sell controlled substances."),
      article("d", "Internet pharmacies sell drugs, and some sell controlled substances."),
    ]);
    const q = "What do internet pharmacies sell?";
    const score = (hits: ReturnType<typeof retrieve>, id: string) => hits.find((h) => h.passage.articleId === id)!.score;
    const on = retrieve(search, q, { k: 2 });
    const off = retrieve(search, q, { k: 2, phraseWeight: 0 });
    expect(score(on, "d") - score(on, "c")).toBeGreaterThan(score(off, "d") - score(off, "c"));
    expect(on[0]!.passage.articleId).toBe("d");
  });
});
