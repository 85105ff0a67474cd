import { at, type SimilarityMatrix } from "./similarity.js";

/** A gain for the share of the headline's terms a sentence adds to what is already picked, so a
 *  summary tells the story its headline names (who, what, where) rather than only its most central part. */
export interface HeadlineCoverage {
  headline: readonly string[];
  sentenceTerms: readonly (readonly string[])[];
  gain: number;
}

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
  coverage?: HeadlineCoverage,
): number[] {
  const chosen: number[] = [];
  const left = new Set(eligible);
  const maxSim = new Float64Array(scores.length);
  const covered = new Set<string>();
  const newlyCovered = (i: number) => {
    if (!coverage || coverage.headline.length === 0) return 0;
    let fresh = 0;
    for (const t of new Set(coverage.sentenceTerms[i])) if (!covered.has(t) && coverage.headline.includes(t)) fresh++;
    return fresh / new Set(coverage.headline).size;
  };
  while (chosen.length < k && left.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of left) {
      const value = lambda * scores[i]! - (1 - lambda) * maxSim[i]! + (coverage ? coverage.gain * newlyCovered(i) : 0);
      // Ties go to the earlier sentence, so results do not depend on set order.
      if (value > bestValue || (value === bestValue && i < best)) {
        best = i;
        bestValue = value;
      }
    }
    chosen.push(best);
    left.delete(best);
    for (const t of coverage?.sentenceTerms[best] ?? []) covered.add(t);
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
