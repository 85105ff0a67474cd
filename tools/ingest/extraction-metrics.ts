// Extraction quality against the article's own text, by word counts: how much of the article
// came through, how much else came with it, and how many words were glued together. Pure.

export interface ExtractionScore {
  articleWords: number;
  extractedWords: number;
  /** Article words found in the extraction (multiset intersection). */
  recovered: number;
  /** Extracted words that are not the article's. */
  added: number;
  /** Extracted words equal to two adjacent article words run together. */
  glued: number;
  addedSample: string[];
}

export const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

export function scoreExtraction(original: string, extracted: string): ExtractionScore {
  const want = wordsOf(original);
  const got = wordsOf(extracted);
  const counts = new Map<string, number>();
  for (const w of want) counts.set(w, (counts.get(w) ?? 0) + 1);
  const pairs = new Set(want.slice(1).map((w, i) => want[i]! + w));
  let recovered = 0;
  const addedWords: string[] = [];
  for (const w of got) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      counts.set(w, left - 1);
      recovered++;
    } else addedWords.push(w);
  }
  return {
    articleWords: want.length,
    extractedWords: got.length,
    recovered,
    added: addedWords.length,
    glued: addedWords.filter((w) => pairs.has(w)).length,
    addedSample: addedWords.slice(0, 30),
  };
}
