import { at, type SimilarityMatrix } from "./similarity.js";

/**
 * Maximal marginal relevance: greedily take the sentence with the best
 * `lambda * score - (1 - lambda) * (highest similarity to one already taken)`.
 * Returns indices in the order they were picked. Only `eligible` indices are considered; with
 * `groups`, at most `perGroup` indices come from one group (one article in a digest).
 */
export function selectMmr(
  scores: ArrayLike<number>,
  sim: SimilarityMatrix,
  k: number,
  lambda: number,
  eligible: readonly number[],
  limit?: { groups: readonly number[]; perGroup: number },
): number[] {
  const chosen: number[] = [];
  const left = new Set(eligible);
  const maxSim = new Float64Array(scores.length);
  while (chosen.length < k && left.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of left) {
      const value = lambda * scores[i]! - (1 - lambda) * maxSim[i]!;
      // Ties go to the earlier sentence, so results do not depend on set order.
      if (value > bestValue || (value === bestValue && i < best)) {
        best = i;
        bestValue = value;
      }
    }
    chosen.push(best);
    left.delete(best);
    if (limit) {
      const g = limit.groups[best];
      if (chosen.filter((c) => limit.groups[c] === g).length >= limit.perGroup) {
        for (const i of [...left]) if (limit.groups[i] === g) left.delete(i);
      }
    }
    for (const i of left) maxSim[i] = Math.max(maxSim[i]!, at(sim, i, best));
  }
  return chosen;
}
