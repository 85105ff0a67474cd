import { describe, expect, it } from "vitest";
import { lexRank } from "../../../src/summarize/centrality.js";
import { selectMmr } from "../../../src/summarize/select.js";
import type { SimilarityMatrix } from "../../../src/summarize/similarity.js";
import { lexicalSimilarity } from "../../../src/summarize/similarity.js";

function matrix(rows: number[][]): SimilarityMatrix {
  return { size: rows.length, values: Float64Array.from(rows.flat()) };
}

// A star: sentence 0 resembles every other one; the others resemble only sentence 0.
const STAR = matrix([
  [1, 0.5, 0.5, 0.5],
  [0.5, 1, 0, 0],
  [0.5, 0, 1, 0],
  [0.5, 0, 0, 1],
]);

describe("lexRank", () => {
  it("scores the hub of a star highest, scaled to 1", () => {
    const scores = lexRank(STAR, { damping: 0.85, threshold: 0 });
    expect(scores[0]).toBe(1);
    for (const i of [1, 2, 3]) expect(scores[i]).toBeLessThan(0.7);
  });

  it("drops edges under the threshold", () => {
    const scores = lexRank(STAR, { damping: 0.85, threshold: 0.6 });
    expect([...scores]).toEqual([1, 1, 1, 1]);
  });

  it.each([[0], [1]])("handles a graph of %i sentences", (n) => {
    expect([...lexRank(matrix(n ? [[1]] : []), { damping: 0.85, threshold: 0 })]).toEqual(n ? [1] : []);
  });
});

describe("selectMmr", () => {
  const sim = matrix([
    [1, 0.9, 0.1],
    [0.9, 1, 0.1],
    [0.1, 0.1, 1],
  ]);
  it("ranks by score alone when lambda is 1", () => {
    expect(selectMmr([1, 0.9, 0.5], sim, 2, 1, [0, 1, 2])).toEqual([0, 1]);
  });
  it("skips a near copy of a chosen sentence when lambda is lower", () => {
    expect(selectMmr([1, 0.9, 0.5], sim, 2, 0.5, [0, 1, 2])).toEqual([0, 2]);
  });
  it("takes only eligible sentences and at most perGroup from one group", () => {
    expect(selectMmr([1, 0.9, 0.5], sim, 3, 1, [1, 2])).toEqual([1, 2]);
    expect(selectMmr([1, 0.9, 0.5], sim, 3, 1, [0, 1, 2], { groups: [0, 0, 1], perGroup: 1 })).toEqual([0, 2]);
  });
});

describe("lexicalSimilarity", () => {
  it("gives identical term lists cosine 1 and disjoint ones 0", () => {
    const m = lexicalSimilarity([
      ["visit", "libya"],
      ["visit", "libya"],
      ["harvest", "wheat"],
    ]);
    expect(m.values[1]).toBeCloseTo(1);
    expect(m.values[2]).toBe(0);
  });
});
