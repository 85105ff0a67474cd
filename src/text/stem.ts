import { stemmer } from "stemmer";

// Porter stems, memoised: indexing stems the same few thousand words millions of times.
const stems = new Map<string, string>();

/** The Porter stem of a lower-case word. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 500_000) stems.set(word, s);
  }
  return s;
}
