import { stemmer } from "stemmer";
import { STOPWORDS } from "./summary-stop-words.js";

// Word tokens: letters and digits, with inner apostrophes and dots kept ("don't", "3.5").
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Lower-cased word tokens of a text, in order. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** Stemmed content terms: words minus stop words, Porter-stemmed, so "visits" meets "visited". */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w)) continue;
    const base = w.endsWith("'s") ? w.slice(0, -2) : w;
    if (base.length < 2 && !/\d/.test(base)) continue;
    out.push(/^\p{L}+$/u.test(base) ? stemmer(base) : base);
  }
  return out;
}
