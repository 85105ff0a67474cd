import { summaryWords } from "../text/index.js";

// Two sentences are the same news said twice when they share most of their words: a high Jaccard
// overlap, or one almost wholly inside the other (a shortened wire copy).
const JACCARD = 0.6;
const CONTAINMENT = 0.85;
const MIN_WORDS_FOR_CONTAINMENT = 5;

function alike(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  if (x.size === 0 || y.size === 0) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const jaccard = shared / (x.size + y.size - shared);
  const smaller = Math.min(x.size, y.size);
  return jaccard >= JACCARD || (smaller >= MIN_WORDS_FOR_CONTAINMENT && shared / smaller >= CONTAINMENT);
}

export function isNearDuplicate(a: string, b: string): boolean {
  return alike(new Set(summaryWords(a)), new Set(summaryWords(b)));
}

/**
 * Indices of the texts to keep: each text is dropped when it near-duplicates one kept before it,
 * so the earliest (best-ranked) wording of a repeated sentence survives.
 */
export function foldNearDuplicates(texts: readonly string[]): number[] {
  const sets = texts.map((t) => new Set(summaryWords(t)));
  const kept: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    if (!kept.some((j) => alike(sets[i]!, sets[j]!))) kept.push(i);
  }
  return kept;
}
