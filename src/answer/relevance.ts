import { searchTerms, sentenceCoverage, splitSentences, termWeights } from "../text/index.js";
import { logisticOf } from "./logistic.js";

/** How much of the question a text says: the share of the question's idf weight among its terms,
 *  in [0, 1]. The same measure the lexical reader picks its sentences by. */
export function questionCoverage(question: string, text: string, idf: (term: string) => number): number {
  const weights = termWeights(searchTerms(question), (t) => Math.max(idf(t), 0.1));
  let total = 0;
  for (const w of weights.values()) total += w;
  return total === 0 ? 0 : sentenceCoverage(searchTerms(text), weights) / total;
}

// Whether the articles hold what a question asks, judged from the sentence a reply would quote and
// its passage: a logistic model over named lexical features (weights trained on SQuAD against
// questions whose answer is in no article, by `npm run eval -- train-relevance`). Pure.

export const RELEVANCE_FEATURE_NAMES = [
  "bias",
  "quoteCoverage",
  "passageCoverage",
  "withPreviousCoverage",
  "quoteMissing",
  "passageMissing",
  "termShare",
  "terms",
  "namesMissing",
  "pairShare",
] as const;

export type RelevanceFeatureName = (typeof RELEVANCE_FEATURE_NAMES)[number];
export type RelevanceFeatures = Record<RelevanceFeatureName, number>;
export type RelevanceWeights = Readonly<Record<RelevanceFeatureName, number>>;

/** The features of quoting `passage.slice(quoteStart, quoteEnd)` for `question`. */
export function relevanceFeatures(
  question: string,
  passage: string,
  quoteStart: number,
  quoteEnd: number,
  idf: (term: string) => number,
): RelevanceFeatures {
  const weights = termWeights(searchTerms(question), (t) => Math.max(idf(t), 0.1));
  let total = 0,
    heaviest = 0;
  for (const w of weights.values()) {
    total += w;
    heaviest = Math.max(heaviest, w);
  }
  const quote = new Set(searchTerms(passage.slice(quoteStart, quoteEnd)));
  const whole = new Set(searchTerms(passage));
  // The sentence before the quote often names what the quote calls "he" or "it".
  const previous = [...splitSentences(passage)].reverse().find((s) => s.end <= quoteStart);
  const withPrevious = new Set([...quote, ...(previous ? searchTerms(passage.slice(previous.start, previous.end)) : [])]);
  let inQuote = 0,
    inPassage = 0,
    inEither = 0,
    shared = 0,
    quoteMissing = 0,
    passageMissing = 0;
  for (const [t, w] of weights) {
    if (quote.has(t)) {
      inQuote += w;
      shared++;
    } else quoteMissing = Math.max(quoteMissing, w);
    if (whole.has(t)) inPassage += w;
    else passageMissing = Math.max(passageMissing, w);
    if (withPrevious.has(t)) inEither += w;
  }
  const names = nameTerms(question);
  const questionPairs = pairs(searchTerms(question));
  const passagePairs = new Set(pairs(searchTerms(passage)));
  const share = (x: number) => (total === 0 ? 0 : x / total);
  return {
    bias: 1,
    quoteCoverage: share(inQuote),
    passageCoverage: share(inPassage),
    withPreviousCoverage: share(inEither),
    quoteMissing: heaviest === 0 ? 0 : quoteMissing / heaviest,
    passageMissing: heaviest === 0 ? 0 : passageMissing / heaviest,
    termShare: weights.size === 0 ? 0 : shared / weights.size,
    // Short questions are matched by chance more often.
    terms: Math.min(1, weights.size / 10),
    // A question about a name or a number the passage never says is about something else.
    namesMissing: names.length === 0 ? 0 : names.filter((t) => !whole.has(t)).length / names.length,
    // Words said together in the question and the passage, not just somewhere in it.
    pairShare: questionPairs.length === 0 ? 0 : questionPairs.filter((p) => passagePairs.has(p)).length / questionPairs.length,
  };
}

/** The search terms of the question's names and numbers: capitalised or digit-led words after its first. */
function nameTerms(question: string): string[] {
  const words = question.split(/\s+/).slice(1);
  return [...new Set(words.filter((w) => /^["'(]?[A-Z0-9]/.test(w)).flatMap((w) => searchTerms(w)))];
}

/** Neighbouring terms as "a b". */
function pairs(terms: readonly string[]): string[] {
  return terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
}

/** The model's probability that the quote says what the question asks, in [0, 1]. */
export function relevanceOf(weights: RelevanceWeights, features: RelevanceFeatures): number {
  return logisticOf(RELEVANCE_FEATURE_NAMES, weights, features);
}
