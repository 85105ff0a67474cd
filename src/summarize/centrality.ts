import { at, type SimilarityMatrix } from "./similarity.js";

export interface CentralityOptions {
  /** PageRank damping: the share of a score that flows along similarity edges. */
  damping: number;
  /** Edges weaker than this are dropped, so chance word overlap does not make a sentence central. */
  threshold: number;
  iterations?: number;
}

/**
 * Continuous LexRank: PageRank over the similarity graph without self-loops. Returns one score per
 * sentence, scaled so the most central sentence scores 1 (0 for all when there are no edges).
 */
export function lexRank(m: SimilarityMatrix, options: CentralityOptions): Float64Array {
  const n = m.size;
  const scores = new Float64Array(n).fill(n ? 1 / n : 0);
  if (n < 2) return scores.fill(n ? 1 : 0);
  const weight = (i: number, j: number) => {
    if (i === j) return 0;
    const s = at(m, i, j);
    return s >= options.threshold ? s : 0;
  };
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSum[i]! += weight(i, j);
  const iterations = options.iterations ?? 50;
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (rowSum[i] === 0) dangling += scores[i]!;
    for (let j = 0; j < n; j++) {
      let flow = dangling / n;
      for (let i = 0; i < n; i++) if (rowSum[i]! > 0) flow += (scores[i]! * weight(i, j)) / rowSum[i]!;
      next[j] = (1 - options.damping) / n + options.damping * flow;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - scores[i]!);
    scores.set(next);
    if (delta < 1e-9) break;
  }
  const max = Math.max(...scores);
  for (let i = 0; i < n; i++) scores[i] = max > 0 ? scores[i]! / max : 0;
  return scores;
}
