import { SEARCH_STOP_WORDS } from "../text/index.js";

/**
 * Phrase bonus: each pair of adjacent question words (not both stop words) that the passage says
 * word for word, unstemmed and adjacent, adds the larger idf of the pair's terms. Questions are
 * written from the passage's own wording ("the Arizona Cardinals", "Internet pharmacies"); the
 * stemmed proximity bonus cannot tell "pharmacy's internet" from "internet pharmacies".
 * Learned with the other rerank weights on the SQuAD training half (+2.1 points recall@1 there,
 * +0.9 held out, with the answer-shape signal).
 */
export function phraseBonus(questionWords: readonly string[], passageWords: readonly string[], termIdf: (word: string) => number): number {
  if (questionWords.length < 2) return 0;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < passageWords.length; i++) pairs.add(`${passageWords[i]} ${passageWords[i + 1]}`);
  let bonus = 0;
  for (let i = 0; i + 1 < questionWords.length; i++) {
    const a = questionWords[i]!;
    const b = questionWords[i + 1]!;
    if (SEARCH_STOP_WORDS.has(a) && SEARCH_STOP_WORDS.has(b)) continue;
    if (pairs.has(`${a} ${b}`)) bonus += Math.max(termIdf(a), termIdf(b));
  }
  return bonus;
}
