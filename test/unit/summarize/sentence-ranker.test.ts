import { describe, expect, it } from "vitest";
import { SENTENCE_FEATURE_NAMES } from "../../../src/summarize/sentence-features.js";
import { SENTENCE_RANKER, summaryProbability } from "../../../src/summarize/sentence-ranker.js";
import { dice, diceSimilarity } from "../../../src/summarize/similarity.js";
import { selectMmr } from "../../../src/summarize/select.js";
import { articleCandidates, MAX_SUMMARY_CANDIDATES } from "../../../src/summarize/summarize-article.js";
import { makeArticle } from "./make-article.js";

describe("the learned sentence ranker", () => {
  it("has one finite weight for every feature name, and no other", () => {
    expect(Object.keys(SENTENCE_RANKER.weights).sort()).toEqual([...SENTENCE_FEATURE_NAMES].sort());
    for (const w of Object.values(SENTENCE_RANKER.weights)) expect(Number.isFinite(w)).toBe(true);
  });

  it("gives every candidate of a real article the same feature names, finite, and a probability", async () => {
    const article = makeArticle("a", "Wheat harvest breaks records", [
      "Farmers reported a record wheat harvest this year. Prices fell.",
      '"It was a great season," one farmer said.',
      "Exporters plan to ship more wheat abroad next month.",
    ]);
    const { units, features } = await articleCandidates(article);
    expect(features).toHaveLength(units.length);
    for (const f of features) {
      expect(Object.keys(f).sort()).toEqual([...SENTENCE_FEATURE_NAMES].sort());
      for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
      const p = summaryProbability(f, SENTENCE_RANKER.weights);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });

  it("considers a bounded number of sentences however long the article", async () => {
    const long = makeArticle(
      "long",
      "Many sentences",
      Array.from({ length: 1000 }, (_, i) => `Sentence number ${i} talks about the harvest in detail.`),
    );
    const { units } = await articleCandidates(long);
    expect(units).toHaveLength(MAX_SUMMARY_CANDIDATES);
  });
});

describe("Sørensen–Dice overlap", () => {
  it.each([
    [["a", "b"], ["a", "b"], 1],
    [["a", "b"], ["c"], 0],
    [["a", "b"], ["b", "c"], 0.5],
    [[], [], 0],
  ])("dice(%j, %j) = %d", (a, b, expected) => {
    expect(dice(a, b)).toBeCloseTo(expected);
  });

  it("counts row i's repeated terms, as TextRank does (not symmetric)", () => {
    const m = diceSimilarity([
      ["a", "a", "b"],
      ["a", "c"],
    ]);
    expect(m.values[0 * 2 + 1]).toBeCloseTo((2 * 2) / 5);
    expect(m.values[1 * 2 + 0]).toBeCloseTo((2 * 1) / 5);
  });
});

describe("headline coverage in the selection", () => {
  it("prefers the sentence that adds the headline's missing terms", () => {
    const sim = { size: 3, values: new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]) };
    const coverage = { headline: ["haftar", "ghq"], sentenceTerms: [["haftar"], ["munir"], ["haftar", "ghq"]], gain: 0.5 };
    expect(selectMmr([0.6, 0.55, 0.5], sim, 1, 1, [0, 1, 2])).toEqual([0]);
    expect(selectMmr([0.6, 0.55, 0.5], sim, 1, 1, [0, 1, 2], undefined, coverage)).toEqual([2]);
  });
});
