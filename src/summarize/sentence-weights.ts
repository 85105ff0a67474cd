import type { SentenceWeights } from "./sentence-ranker.js";

// Written by `npm run eval -- train-summaries`: logistic weights of the sentence features
// (sentence-features.ts), trained on 19324 sentences of the 1060 even-numbered
// BBC News Summary articles; the odd-numbered ones are held out.
export const SENTENCE_WEIGHTS: SentenceWeights = {
  bias: 0.49037629553599743,
  centrality: -0.1323208546587597,
  diceCentrality: 3.3090998329822217,
  wordDiceCentrality: 1.1195236152605366,
  meanDice: -0.9465715569145141,
  leadPrior: 0.03887417588585582,
  relativePosition: 0.1602473948891224,
  firstSentence: -0.07037860969290817,
  titleSimilarity: -0.22000698274286024,
  logWords: -1.221466141036092,
  wordsVsMean: 1.1268157677248136,
  paragraphOpening: -0.04320109548987036,
  hasQuote: -1.2696851454078062,
  startsWithQuote: -0.774098804321709,
  contentWordShare: -2.6887538176015005,
  logSentences: 0.10819002864209042,
  question: -0.83012768742047,
  hasDigit: 0.07866341826293208,
  paragraphPosition: -0.036155971314312016,
  diceLead: 0.24755459484403552,
  long: -0.46607037768159715,
  short: -0.08687342270643739,
  headlineTermShare: 0.12439827684021808,
  capitalisedShare: 0.8551349149649399,
  paragraphClosing: -0.021687266601419744,
  textRank: 8.732152255909272,
};
