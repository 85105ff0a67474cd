import { describe, expect, it } from "vitest";
import { randomUnitVectors, recallAt10, vectorSweep } from "../../../tools/bench/vector-sweep.js";

describe("synthetic vectors", () => {
  it("are unit length, seeded, and clustered when asked", () => {
    const a = randomUnitVectors(50, 16, 1, 5);
    expect(a).toEqual(randomUnitVectors(50, 16, 1, 5));
    for (let r = 0; r < 50; r++) {
      const row = a.subarray(r * 16, (r + 1) * 16);
      expect(row.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
    }
    // With 5 clusters, each vector's best other match is far closer than in structureless noise.
    const best = (v: Float32Array) => {
      let top = 0;
      for (let r = 1; r < 50; r++) {
        let dot = 0;
        for (let j = 0; j < 16; j++) dot += v[j]! * v[r * 16 + j]!;
        top = Math.max(top, dot);
      }
      return top;
    };
    expect(best(a)).toBeGreaterThan(best(randomUnitVectors(50, 16, 1)) + 0.2);
  });
});

describe("recall@10", () => {
  it("is the share of the exact hits the approximate search found", () => {
    const hits = (...docs: number[]) => docs.map((doc) => ({ doc, score: 0 }));
    expect(recallAt10([hits(1, 2, 3, 4)], [hits(4, 3, 9, 8)])).toBe(0.5);
    expect(recallAt10([hits(1, 2), hits(3, 4)], [hits(1, 2), hits(5, 6)])).toBe(0.5);
  });
});

describe("vector sweep", () => {
  it("times flat search at each size, and the approximate index only up to its limit", () => {
    const points = vectorSweep([200, 400], {
      dimension: 8,
      approximateUpTo: 200,
      approximate: (data, d, q, k) => [{ doc: 0, score: 1 }].slice(0, k),
    });
    expect(points.map((p) => p.vectors)).toEqual([200, 400]);
    expect(points[0]!.approximate).not.toBeNull();
    expect(points[0]!.approximate!.recall_at_10).toBeLessThan(0.2); // a search that always answers row 0
    expect(points[1]!.approximate).toBeNull();
    expect(points.every((p) => p.ms_per_query >= 0 && p.queries === 50)).toBe(true);
  });
});
