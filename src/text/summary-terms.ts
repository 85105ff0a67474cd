import { stem } from "./stem.js";
import { SUMMARY_STOP_WORDS } from "./stop-words.js";

// Word tokens: letters and digits, with inner apostrophes and dots kept ("don't", "3.5").
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Lower-cased word tokens of a text, in order, apostrophes and inner dots kept (no accent folding). */
export function summaryWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** Summary content terms: words minus stop words and possessive 's, Porter-stemmed, so "visits" meets "visited". */
export function summaryTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of summaryWords(text)) {
    if (SUMMARY_STOP_WORDS.has(w)) continue;
    const base = w.endsWith("'s") ? w.slice(0, -2) : w;
    if (base.length < 2 && !/\d/.test(base)) continue;
    out.push(/^\p{L}+$/u.test(base) ? stem(base) : base);
  }
  return out;
}
