import { describe, expect, it } from "vitest";
import { randomUnitVectors } from "../../../tools/bench/vector-sweep.js";
import { searchDense } from "../../../src/search/dense.js";

// hnswlib-node is an optional dependency (a native build at install); without it there is nothing to test.
const hnsw = await import("../../../src/search/approximate-dense.js").catch((error: Error) => {
  console.warn(`skipping the HNSW tests: hnswlib-node is not installed here (${error.message})`);
  return undefined;
});
const { buildHnsw, searchApproximate } = hnsw ?? ({} as NonNullable<typeof hnsw>);

describe.skipIf(!hnsw)("approximate dense search (HNSW)", () => {
  it("answers like searchDense on a small index: same top hits, scores as dot products, best first", () => {
    const data = new Float32Array([1, 0, 0, 0.6, 0.8, 0, 0, 0, 1, 0.8, 0.6, 0]);
    const query = new Float32Array([1, 0, 0]);
    const hits = searchApproximate(data, 3, query, 2);
    expect(hits.map((h) => h.doc)).toEqual(searchDense(data, 3, query, 2).map((h) => h.doc));
    expect(hits.map((h) => h.doc)).toEqual([0, 3]);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits[1]!.score).toBeCloseTo(0.8, 5);
  });

  it("finds most of the exact top 10 on clustered vectors", () => {
    const all = randomUnitVectors(2010, 32, 3, 20);
    const data = all.subarray(0, 2000 * 32);
    let found = 0;
    for (let q = 0; q < 10; q++) {
      const query = all.subarray((2000 + q) * 32, (2001 + q) * 32);
      const truth = new Set(searchDense(data, 32, query, 10).map((h) => h.doc));
      found += searchApproximate(data, 32, query, 10).filter((h) => truth.has(h.doc)).length;
    }
    expect(found / 100).toBeGreaterThan(0.9);
  });

  it("returns nothing for an empty index or k < 1, at most the rows there are, and rejects ragged data", () => {
    expect(searchApproximate(new Float32Array(0), 3, new Float32Array(3), 5)).toEqual([]);
    const two = new Float32Array([1, 0, 0, 1]);
    expect(searchApproximate(two, 2, new Float32Array([1, 0]), 0)).toEqual([]);
    expect(searchApproximate(two, 2, new Float32Array([1, 0]), 10)).toHaveLength(2);
    expect(() => buildHnsw(new Float32Array(5), 2)).toThrow(RangeError);
  });
});
