import { describe, expect, it } from "vitest";
import { paddingShare, planBatches } from "../../../src/models/length-batches.js";

describe("planBatches", () => {
  it("groups texts of similar length across the whole set, shortest first", () => {
    const lengths = [100, 10, 102, 12, 11, 101];
    expect(planBatches(lengths, { maxTokens: 1000, maxRows: 3 })).toEqual([
      [1, 4, 3],
      [0, 5, 2],
    ]);
  });

  it("cuts a batch when its padded tokens would pass the budget", () => {
    // 3 rows of 10 = 30 tokens fit; a row of 40 would make 4 × 40 = 160 > 100.
    expect(planBatches([10, 10, 10, 40, 40], { maxTokens: 100, maxRows: 64 })).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it("gives a row longer than the budget a batch of its own", () => {
    expect(planBatches([5, 500], { maxTokens: 100, maxRows: 8 })).toEqual([[0], [1]]);
  });

  it("places every index exactly once", () => {
    const lengths = Array.from({ length: 500 }, (_, i) => 5 + ((i * 7919) % 300));
    const batches = planBatches(lengths, { maxTokens: 2048, maxRows: 32 });
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    for (const b of batches) expect(b.length * Math.max(...b.map((i) => lengths[i]!)) <= 2048 || b.length === 1).toBe(true);
  });

  it("handles nothing", () => {
    expect(planBatches([], { maxTokens: 10, maxRows: 2 })).toEqual([]);
  });
});

describe("paddingShare", () => {
  it("is the share of padded positions", () => {
    expect(paddingShare([2, 4], [[0, 1]])).toBeCloseTo(0.25);
    expect(paddingShare([2, 4], [[0], [1]])).toBe(0);
  });
});
