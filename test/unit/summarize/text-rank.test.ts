import { describe, expect, it } from "vitest";
import { diceSimilarity } from "../../../src/summarize/similarity.js";
import { selfLoopTextRank, textRankWords } from "../../../src/summarize/text-rank.js";

const matrix = (rows: number[][]) => ({ size: rows.length, values: Float64Array.from(rows.flat()) });

describe("TextRank with self-loops", () => {
  it("ranks the sentence that shares words with every other one first, and scores average 1", () => {
    const m = matrix([
      [1, 0.5, 0.5, 0.5],
      [0.5, 1, 0, 0],
      [0.5, 0, 1, 0.1],
      [0.5, 0, 0.1, 1],
    ]);
    const s = selfLoopTextRank(m);
    expect(s[0]).toBeGreaterThan(Math.max(s[1]!, s[2]!, s[3]!));
    expect(s[2]).toBeGreaterThan(s[1]!);
    expect(s.reduce((a, b) => a + b, 0) / s.length).toBeCloseTo(1, 6);
  });

  it("keeps an isolated sentence at 1 (its self-loop), where a graph without self-loops would leave it at the floor", () => {
    const s = selfLoopTextRank(
      matrix([
        [1, 0.8, 0],
        [0.8, 1, 0],
        [0, 0, 1],
      ]),
    );
    expect(s[2]).toBeCloseTo(1, 6);
  });

  it("scores nothing for no sentences", () => {
    expect(selfLoopTextRank(matrix([]))).toHaveLength(0);
  });

  it("compares letters-only words without stop words or stems, as the peer does", () => {
    expect(textRankWords("The minister's £5.3bn plan didn't pass in 2004.")).toEqual(["ministers", "bn", "plan", "didnt", "pass"]);
    const m = diceSimilarity(["Rain fell on the city.", "The city flooded after rain."].map(textRankWords));
    expect(m.values[1]).toBeGreaterThan(0);
  });
});
