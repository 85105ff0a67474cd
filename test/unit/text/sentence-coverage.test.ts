import { describe, expect, it } from "vitest";
import { bestSentenceCoverage, sentenceCoverage, termWeights } from "../../../src/text/index.js";

const weights = termWeights(["bank", "rate", "bank", "rise"], (t) => ({ bank: 2, rate: 1, rise: 0.5 })[t] ?? 0);

describe("termWeights", () => {
  it("weighs each distinct term once, in first-seen order", () => {
    expect([...weights]).toEqual([
      ["bank", 2],
      ["rate", 1],
      ["rise", 0.5],
    ]);
  });
});

describe("sentenceCoverage", () => {
  it.each([
    [["bank", "rate", "rise"], 3.5],
    [["bank", "bank", "loan"], 2],
    [["loan"], 0],
    [[], 0],
  ])("%j covers %d", (sentence, expected) => {
    expect(sentenceCoverage(sentence, weights)).toBe(expected);
  });
});

describe("bestSentenceCoverage", () => {
  it("is the best single sentence, not the sum over sentences", () => {
    expect(bestSentenceCoverage([["bank"], ["rate", "rise"]], weights)).toBe(2);
    expect(bestSentenceCoverage([["rate"], ["bank", "rise"]], weights)).toBe(2.5);
  });

  it("is 0 for a passage without sentences", () => {
    expect(bestSentenceCoverage([], weights)).toBe(0);
  });
});
