import { stemmer } from "stemmer";

// Function words that carry no topic; question words are kept out too ("who", "when" …).
const STOP_WORDS = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have having he her " +
    "hers him his how i if in into is it its itself me my of on or our ours she should so than that the their " +
    "them then there these they this those to too was we were what when where which while who whom whose why " +
    "will with would you your yours also about after against all any because before between both during each " +
    "few further here just more most no nor not now only other over own same some such through under until up " +
    "very s t don didn doesn isn wasn weren"
  ).split(" "),
);

const stems = new Map<string, string>();

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word);
    if (stems.size < 500_000) stems.set(word, s);
  }
  return s;
}

/** Lower-cased, accent-folded alphanumeric words, in order (no stemming, stop words kept). */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The terms BM25 indexes: words without stop words, Porter-stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}

/** Term → count. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
