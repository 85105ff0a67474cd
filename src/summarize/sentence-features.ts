import { lexRank } from "./centrality.js";
import type { SentenceUnit } from "./candidates.js";
import { diceSimilarity, type SimilarityMatrix } from "./similarity.js";
import { selfLoopTextRank, textRankWords } from "./text-rank.js";
import { summaryTerms, summaryWords } from "../text/index.js";

// What makes a sentence summary-worthy, as named numbers. Learned from the BBC reference
// summaries (tools/eval/train-summaries.ts): graph centrality under two similarities (the
// article's own space, and Sørensen–Dice word overlap as TextRank uses it, which favours
// sentences that share many words with the rest), TextRank's own self-looped score (the
// strongest single feature: 0.829 → 0.853 held-out precision@3), the lead, the headline, and
// the sentence's shape (length, quotes: reference summaries rarely quote).

export const SENTENCE_FEATURE_NAMES = [
  "bias",
  "centrality",
  "diceCentrality",
  "wordDiceCentrality",
  "meanDice",
  "leadPrior",
  "relativePosition",
  "firstSentence",
  "titleSimilarity",
  "logWords",
  "wordsVsMean",
  "paragraphOpening",
  "hasQuote",
  "startsWithQuote",
  "contentWordShare",
  "logSentences",
  "question",
  "hasDigit",
  "paragraphPosition",
  "diceLead",
  "long",
  "short",
  "headlineTermShare",
  "capitalisedShare",
  "paragraphClosing",
  "textRank",
] as const;

export type SentenceFeatureName = (typeof SENTENCE_FEATURE_NAMES)[number];
export type SentenceFeatures = Record<SentenceFeatureName, number>;

export interface SentenceFeatureInput {
  units: readonly SentenceUnit[];
  /** Similarity in the article's space (TF-IDF, or embeddings in model mode). */
  sim: SimilarityMatrix;
  /** Similarity of each sentence to the headline, in [0, 1]. */
  titleSimilarity: readonly number[];
  paragraphs: number;
  /** The headline's summary terms. */
  headline: readonly string[];
}

const LEAD_HALF_LIFE = 3;
const LEXRANK = { damping: 0.85, threshold: 0 };

export function sentenceFeatures(input: SentenceFeatureInput): SentenceFeatures[] {
  const { units } = input;
  const n = units.length;
  const terms = units.map((u) => summaryTerms(u.text));
  // Longer unstemmed words only: TextRank's overlap without the stemmer's merges.
  const words = units.map((u) => summaryWords(u.text).filter((w) => w.length > 2));
  const lengths = units.map((u) => summaryWords(u.text).length);
  const meanLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const dice = diceSimilarity(terms);
  const centrality = lexRank(input.sim, LEXRANK);
  const diceCentrality = lexRank(dice, LEXRANK);
  const wordDiceCentrality = lexRank(diceSimilarity(words), LEXRANK);
  // TextRank exactly as the peer builds its graph (self-loops, its words): log, as its scores
  // average 1 and a strong sentence stands out by a factor.
  const textRank = selfLoopTextRank(diceSimilarity(units.map((u) => textRankWords(u.text))));
  const headline = new Set(input.headline);
  return units.map((u, i) => {
    let diceSum = 0;
    for (let j = 0; j < n; j++) if (j !== i) diceSum += dice.values[i * n + j]!;
    const leadPrior = Math.pow(0.5, u.ordinal / LEAD_HALF_LIFE);
    const length = lengths[i]!;
    return {
      bias: 1,
      centrality: centrality[i]!,
      diceCentrality: diceCentrality[i]!,
      wordDiceCentrality: wordDiceCentrality[i]!,
      meanDice: diceSum / Math.max(1, n - 1),
      leadPrior,
      relativePosition: u.ordinal / n,
      firstSentence: u.ordinal === 0 ? 1 : 0,
      titleSimilarity: input.titleSimilarity[i]!,
      logWords: Math.log(1 + length),
      wordsVsMean: meanLength > 0 ? length / meanLength : 0,
      paragraphOpening: u.inParagraph === 0 ? 1 : 0,
      hasQuote: /["“”]/.test(u.text) ? 1 : 0,
      startsWithQuote: /^["“‘']/.test(u.text) ? 1 : 0,
      contentWordShare: terms[i]!.length / Math.max(1, length),
      logSentences: Math.log(n),
      question: /\?\s*$/.test(u.text) ? 1 : 0,
      hasDigit: /\d/.test(u.text) ? 1 : 0,
      paragraphPosition: (u.paragraph - 1) / Math.max(1, input.paragraphs),
      diceLead: diceCentrality[i]! * leadPrior,
      long: length > 40 ? 1 : 0,
      short: length < 10 ? 1 : 0,
      headlineTermShare: headline.size ? [...new Set(terms[i])].filter((t) => headline.has(t)).length / headline.size : 0,
      capitalisedShare: (u.text.match(/\b\p{Lu}/gu) ?? []).length / Math.max(1, length),
      paragraphClosing: units[i + 1]?.paragraph !== u.paragraph ? 1 : 0,
      textRank: Math.log(textRank[i]!),
    };
  });
}
