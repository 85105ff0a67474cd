import type { SentenceWeights } from "./sentence-ranker.js";

// Written by `npm run eval -- train-summaries`: logistic weights of the sentence features
// (sentence-features.ts), trained on 19324 sentences of the 1060 even-numbered
// BBC News Summary articles; the odd-numbered ones are held out.
export const SENTENCE_WEIGHTS: SentenceWeights = {
  bias: -3.1512755178646956,
  centrality: 0.41987872639666407,
  diceCentrality: 5.711269947327344,
  wordDiceCentrality: 1.79783905994738,
  meanDice: 3.9058611943252632,
  leadPrior: 0.610394859966809,
  relativePosition: 0.19488282727717035,
  firstSentence: -0.004873368109938472,
  titleSimilarity: -0.21792251388369038,
  logWords: -1.5156331110773364,
  wordsVsMean: 1.5139652597193,
  paragraphOpening: -0.0019175049749977483,
  hasQuote: -1.058077779927348,
  startsWithQuote: -0.7049460195454335,
  contentWordShare: -2.418384655661102,
  logSentences: 0.5374548215275655,
  question: -0.7783949562265602,
  hasDigit: 0.17814336611960632,
  paragraphPosition: -0.17287281514403763,
  diceLead: -0.6236784762255287,
  long: -0.3370776417609518,
  short: 0.10429869219984987,
  headlineTermShare: 0.2720239367593553,
  capitalisedShare: 1.29206998565899,
  paragraphClosing: -0.039656118066710065,
};
