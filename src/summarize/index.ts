// Public exports of the summariser.
export { summarizeArticle } from "./summarize-article.js";
export { summarizeTopic } from "./summarize-topic.js";
export { sentenceCount, LENGTH_SENTENCES, MAX_SENTENCES } from "./length.js";
export { debrisReason, isDebris, type DebrisReason } from "./debris.js";
export { isNearDuplicate, foldNearDuplicates } from "./near-duplicates.js";
export { articleSentences, type SentenceUnit } from "./candidates.js";
export { DEFAULT_WEIGHTS, DIGEST_DEFAULTS, type RankWeights } from "./weights.js";
export { summarizeGenerated } from "./generated.js";
export type { TextSummarizer } from "../types.js";
