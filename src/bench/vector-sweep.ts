// Vector search alone over synthetic unit vectors of the embedder's width, at growing corpus
// sizes, to show how the cost of a query grows with the number of passages.
import { searchDense, type DenseHit } from "../index/dense.js";
import { createRandom } from "../models/generate/random.js";
import { median } from "./percentiles.js";

export type SearchFn = (data: Float32Array, dimension: number, query: Float32Array, k: number) => DenseHit[];

export interface SweepPoint {
  vectors: number;
  queries: number;
  ms_per_query: number;
}

/** `count` random unit vectors, row after row (seeded: the same every run). */
export function randomUnitVectors(count: number, dimension: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const data = new Float32Array(count * dimension);
  for (let row = 0; row < count; row++) {
    const base = row * dimension;
    let norm = 0;
    for (let j = 0; j < dimension; j++) {
      const v = random() * 2 - 1;
      data[base + j] = v;
      norm += v * v;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dimension; j++) data[base + j]! *= scale;
  }
  return data;
}

/** Median ms per top-k query over `queries` random queries (after one warm-up query). */
export function timeSearch(data: Float32Array, dimension: number, queries: number, search: SearchFn = searchDense, k = 10): number {
  const probes = randomUnitVectors(queries + 1, dimension, 99);
  const times: number[] = [];
  for (let q = 0; q <= queries; q++) {
    const query = probes.subarray(q * dimension, (q + 1) * dimension);
    const t = performance.now();
    search(data, dimension, query, k);
    if (q > 0) times.push(performance.now() - t);
  }
  return median(times);
}

/** Flat search cost at each size; fewer queries at the largest sizes keep the sweep short. */
export function vectorSweep(sizes: readonly number[], dimension = 384, search: SearchFn = searchDense): SweepPoint[] {
  return sizes.map((vectors) => {
    const data = randomUnitVectors(vectors, dimension, vectors);
    const queries = vectors >= 1_000_000 ? 5 : vectors >= 100_000 ? 20 : 50;
    return { vectors, queries, ms_per_query: Math.round(timeSearch(data, dimension, queries, search) * 100) / 100 };
  });
}
