import { describe, expect, it } from "vitest";
import { sentenceCoverage, termWeights } from "../../../src/text/index.js";

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
