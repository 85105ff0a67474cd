import { describe, expect, it } from "vitest";
import { coordinateAscent, recallAt1, type RankingCase } from "../../../tools/eval/tune-retrieval.js";

const signals = (bm25: number, coverage: number) => ({ bm25, proximity: 0, coverage, phrase: 0, shape: 0 });
const zero = { proximity: 0, coverage: 0, phrase: 0, shape: 0 };

// Gold has the lower BM25 but the better sentence coverage in every case: coverage must be
// weighted enough to overturn BM25's lead of 1.
const cases: RankingCase[] = [
  { signals: [signals(5, 0), signals(4, 2)], gold: [false, true] },
  { signals: [signals(3, 1), signals(2, 3)], gold: [false, true] },
];

describe("tune-retrieval", () => {
  it("scores recall@1 by the weighted signals", () => {
    expect(recallAt1(cases, zero)).toBe(0);
    expect(recallAt1(cases, { ...zero, coverage: 1 })).toBe(1);
  });

  it("finds a coverage weight that ranks the gold passages first, and leaves the others alone", () => {
    const learned = coordinateAscent(cases, zero);
    expect(recallAt1(cases, learned)).toBe(1);
    expect(learned.coverage).toBeGreaterThan(0.5);
    expect(learned.phrase).toBe(0);
  });
});
