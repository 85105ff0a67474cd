import { describe, expect, it } from "vitest";
import { leadK, randomK, seededRandom } from "../../../tools/eval/summaries/baselines.js";
import { articleFromBody } from "../../../tools/eval/summaries/bbc.js";
import { referenceHits, rougeN } from "../../../tools/eval/summaries/metrics.js";

describe("articleFromBody", () => {
  it("cuts paragraphs on blank lines with offsets into the body", () => {
    const body = "First one. Second.\n\nThird para.\n\n\nFourth.";
    const a = articleFromBody("x", "X", body);
    expect(a.paragraphs.map((p) => body.slice(p.start, p.end))).toEqual(["First one. Second.", "Third para.", "Fourth."]);
    expect(a.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
  });
});

describe("referenceHits", () => {
  it("counts exact matches after normalising, and whole sentences inside a split reference", () => {
    const refs = ["Profits were better than analysts'", "expectations.", "Sales ROSE 2%."];
    const chosen = ["Profits were better than analysts' expectations.", "sales rose 2%", "Costs fell."];
    expect(referenceHits(chosen, refs)).toEqual({ exact: 1, joined: 2 });
  });
});

describe("rougeN", () => {
  it.each([
    ["the cat sat", "the cat sat", 1, 1],
    ["the cat sat", "the cat sat", 2, 1],
    ["the cat sat", "a dog ran", 1, 0],
    ["the cat", "the cat sat on the mat", 1, (2 * 1 * (2 / 6)) / (1 + 2 / 6)],
    ["cats sitting", "cat sits", 1, 1],
  ])("%j vs %j, ROUGE-%i F = %d", (c, r, n, f) => {
    expect(rougeN(c, r, n)).toBeCloseTo(f);
  });
});

describe("baselines", () => {
  const a = articleFromBody("x", "X", "One is here. Two is here.\n\nThree is here. Four is here. Five is here.");
  it("lead-k takes the first k sentences", () => {
    expect(leadK(a, 3).sentences.map((s) => s.text)).toEqual(["One is here.", "Two is here.", "Three is here."]);
  });
  it("random-k is repeatable for a seed and returns article order", () => {
    const x = randomK(a, 3, seededRandom(7)).sentences.map((s) => s.text);
    expect(randomK(a, 3, seededRandom(7)).sentences.map((s) => s.text)).toEqual(x);
    expect(x).toHaveLength(3);
    expect(x.map((t) => a.text.indexOf(t))).toEqual(x.map((t) => a.text.indexOf(t)).sort((p, q) => p - q));
  });
});
