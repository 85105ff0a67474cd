// Vector search alone over synthetic unit vectors of the embedder's width, at growing corpus
// sizes, to show how the cost of a query grows with the number of passages.
import { searchDense, type DenseHit } from "../../src/search/dense.js";
import { createRandom } from "../generate/random.js";
import { median } from "./percentiles.js";

/** Per-coordinate noise around a cluster centre: a member's cosine to its centre is about 0.7. */
const NOISE = 0.09;

export type SearchFn = (data: Float32Array, dimension: number, query: Float32Array, k: number) => DenseHit[];

/**
 * `count` unit vectors, row after row, seeded. With `clusters` > 0 they lie around that many random
 * centres (as passage embeddings cluster by topic), so nearest neighbours mean something and an
 * approximate index's recall is not judged on structureless noise.
 */
export function randomUnitVectors(count: number, dimension: number, seed: number, clusters = 0): Float32Array {
  const random = createRandom(seed);
  const centres = clusters > 0 ? randomUnitVectors(clusters, dimension, seed + 1) : undefined;
  const data = new Float32Array(count * dimension);
  for (let row = 0; row < count; row++) {
    const base = row * dimension;
    const centre = centres ? Math.floor(random() * clusters) * dimension : 0;
    let norm = 0;
    for (let j = 0; j < dimension; j++) {
      // Around a centre: the centre plus noise of about the same length as the centre.
      const v = centres ? centres[centre + j]! + (random() * 2 - 1) * NOISE : random() * 2 - 1;
      data[base + j] = v;
      norm += v * v;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dimension; j++) data[base + j]! *= scale;
  }
  return data;
}

export interface SweepPoint {
  vectors: number;
  queries: number;
  /** Exact (flat) search, the product's searchDense. */
  ms_per_query: number;
  /** The approximate index (HNSW), when measured at this size. */
  approximate: { build_s: number; ms_per_query: number; recall_at_10: number } | null;
}

function timeQueries(
  queries: Float32Array,
  dimension: number,
  search: (q: Float32Array) => DenseHit[],
): { ms: number; hits: DenseHit[][] } {
  const count = queries.length / dimension;
  const times: number[] = [];
  const hits: DenseHit[][] = [];
  for (let q = 0; q < count; q++) {
    const query = queries.subarray(q * dimension, (q + 1) * dimension);
    const t = performance.now();
    hits.push(search(query));
    times.push(performance.now() - t);
  }
  return { ms: median(times.slice(1)), hits }; // the first query warms up
}

/** Share of the exact top 10 that the approximate top 10 finds, averaged over queries. */
export function recallAt10(exact: DenseHit[][], approximate: DenseHit[][]): number {
  let found = 0;
  exact.forEach((hits, q) => {
    const truth = new Set(hits.map((h) => h.doc));
    found += approximate[q]!.filter((h) => truth.has(h.doc)).length / Math.max(1, truth.size);
  });
  return found / exact.length;
}

export interface SweepOptions {
  dimension?: number;
  /** Sizes up to this also get the approximate index (its build time grows fast). */
  approximateUpTo?: number;
  approximate?: SearchFn;
}

/** Search cost at each size, over clustered synthetic vectors; queries come from the same clusters. */
export function vectorSweep(sizes: readonly number[], options: SweepOptions = {}): SweepPoint[] {
  const dimension = options.dimension ?? 384;
  return sizes.map((vectors) => {
    const queries = vectors >= 1_000_000 ? 6 : vectors >= 100_000 ? 21 : 51;
    const all = randomUnitVectors(vectors + queries, dimension, vectors, Math.max(10, Math.round(vectors / 100)));
    const data = all.subarray(0, vectors * dimension);
    const probes = all.subarray(vectors * dimension);
    const exact = timeQueries(probes, dimension, (q) => searchDense(data, dimension, q, 10));
    const round = (v: number) => Math.round(v * 1000) / 1000;
    let approximate: SweepPoint["approximate"] = null;
    if (options.approximate && vectors <= (options.approximateUpTo ?? 100_000)) {
      const search = options.approximate;
      const t = performance.now();
      search(data, dimension, probes.subarray(0, dimension), 10); // builds the index
      const build_s = (performance.now() - t) / 1000;
      const ann = timeQueries(probes, dimension, (q) => search(data, dimension, q, 10));
      approximate = { build_s: round(build_s), ms_per_query: round(ann.ms), recall_at_10: round(recallAt10(exact.hits, ann.hits)) };
    }
    return { vectors, queries: queries - 1, ms_per_query: round(exact.ms), approximate };
  });
}
