import { describe, expect, it } from "vitest";
import { searchDense } from "../../../src/search/dense.js";
import { QuantizedVectors, dequantize, quantize } from "../../../src/search/quantized-vectors.js";
import { createRandom } from "../../../tools/seeded-random.js";

function unitVectors(count: number, dimension: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const data = new Float32Array(count * dimension);
  for (let i = 0; i < count; i++) {
    const row = data.subarray(i * dimension, (i + 1) * dimension);
    for (let j = 0; j < dimension; j++) row[j] = random() * 2 - 1;
    const norm = Math.hypot(...row);
    for (let j = 0; j < dimension; j++) row[j]! /= norm;
  }
  return data;
}

describe("int8 passage vectors", () => {
  it("round-trips a vector within half a quantisation step", () => {
    const v = Float32Array.from([0.5, -0.25, 0.125, 0, -0.5]);
    const back = dequantize(quantize(v));
    const step = 0.5 / 127;
    v.forEach((x, j) => expect(Math.abs(back[j]! - x)).toBeLessThanOrEqual(step / 2 + 1e-9));
  });

  it("finds the same nearest rows as exact float search, labelled by passage row, best first", () => {
    const dimension = 48;
    const data = unitVectors(2000, dimension, 5);
    const vectors = new QuantizedVectors(dimension);
    for (let i = 0; i < 2000; i++) vectors.add(1000 + i, quantize(data.subarray(i * dimension, (i + 1) * dimension)));
    let agree = 0;
    for (let q = 0; q < 20; q++) {
      const query = unitVectors(1, dimension, 100 + q);
      const truth = searchDense(data, dimension, query, 10).map((h) => 1000 + h.doc);
      const hits = vectors.search(query, 10);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      agree += hits.filter((h) => truth.includes(h.row)).length;
    }
    expect(agree / 200).toBeGreaterThan(0.95);
  });

  it("returns every vector when k exceeds the count, and nothing when empty", () => {
    const vectors = new QuantizedVectors(2);
    expect(vectors.search(Float32Array.from([1, 0]), 5)).toEqual([]);
    vectors.add(7, quantize(Float32Array.from([1, 0])));
    vectors.add(9, quantize(Float32Array.from([0, 1])));
    expect(vectors.search(Float32Array.from([0.6, 0.8]), 5).map((h) => h.row)).toEqual([9, 7]);
  });
});
