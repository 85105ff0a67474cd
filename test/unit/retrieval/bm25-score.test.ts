import { describe, expect, it } from "vitest";
import { bm25Score } from "../../../src/retrieval/bm25-score.js";

const corpus = { idf: (t: string) => ({ storm: 2, coast: 1 })[t] ?? 0, averageLength: 4 };

describe("bm25Score", () => {
  it("scores each distinct query term once, saturating repeated occurrences", () => {
    const once = bm25Score(["storm"], ["storm", "hit", "town", "monday"], [], corpus);
    const twice = bm25Score(["storm", "storm"], ["storm", "storm", "hit", "town"], [], corpus);
    expect(once).toBeCloseTo((2 * 1 * 2.2) / (1 + 1.2), 10);
    expect(twice).toBeGreaterThan(once);
    expect(twice).toBeLessThan(2 * once);
  });

  it("counts title terms like body terms (title weight 1), and longer passages score lower", () => {
    const inTitle = bm25Score(["coast"], ["storm", "hit", "town"], ["coast"], corpus);
    const inBody = bm25Score(["coast"], ["storm", "hit", "coast"], [], corpus);
    expect(inTitle).toBeLessThan(inBody); // same tf, one term longer
    const long = bm25Score(["coast"], ["coast", ...Array(20).fill("x")], [], corpus);
    expect(long).toBeLessThan(inBody);
  });

  it("is zero when no query term is present", () => {
    expect(bm25Score(["storm"], ["calm", "sea"], ["harbour"], corpus)).toBe(0);
  });
});
