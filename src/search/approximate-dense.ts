// Approximate nearest neighbours (HNSW, hnswlib-node) with the same shape as searchDense: unit
// vectors row after row, a query, k. The graph is built on the first query of a vectors array
// and kept with it (a WeakMap, so a replaced index frees its graph). Worth it only for large
// corpora: flat search passes 50 ms a query around 100k vectors on a 2-core VM. hnswlib-node is an
// optional dependency (compiled at install); import this module dynamically and fall back to
// searchDense when it fails to load.
import hnswlib from "hnswlib-node";
import type { DenseHit } from "./dense.js";

export interface HnswOptions {
  /** Links per node (hnswlib default 16). */
  m?: number;
  /** Candidate list while building (default 64: at 100k clustered vectors, recall@10 ≈ 1 and a build ~3× faster than hnswlib's 200). */
  efConstruction?: number;
  /** Candidate list while searching; at least k (default 64). */
  efSearch?: number;
}

const built = new WeakMap<Float32Array, hnswlib.HierarchicalNSW>();

/** Builds the HNSW graph of `data` (inner product on unit vectors = cosine). */
export function buildHnsw(data: Float32Array, dimension: number, options: HnswOptions = {}): hnswlib.HierarchicalNSW {
  const count = data.length / dimension;
  if (!Number.isInteger(count)) throw new RangeError(`vector data of length ${data.length} is not a whole number of ${dimension}-d rows`);
  const index = new hnswlib.HierarchicalNSW("ip", dimension);
  index.initIndex(Math.max(1, count), options.m ?? 16, options.efConstruction ?? 64, 100);
  for (let d = 0; d < count; d++) index.addPoint(Array.from(data.subarray(d * dimension, (d + 1) * dimension)), d);
  index.setEf(options.efSearch ?? 64);
  built.set(data, index);
  return index;
}

export function searchApproximate(data: Float32Array, dimension: number, query: Float32Array, k: number): DenseHit[] {
  const count = data.length / dimension;
  if (count === 0 || k < 1) return [];
  const index = built.get(data) ?? buildHnsw(data, dimension);
  const { neighbors, distances } = index.searchKnn(Array.from(query), Math.min(k, count));
  // hnswlib's inner-product distance is 1 − dot.
  return neighbors.map((doc, i) => ({ doc, score: 1 - distances[i]! })).sort((a, b) => b.score - a.score);
}
