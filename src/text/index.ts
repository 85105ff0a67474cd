// Text analysis, the one place for it: sentences, tokenisers named for their use, stop words,
// sentence coverage, debris rules, the gazetteer. Pure; imports nothing else from the project.
export { splitSentences, type Range } from "./sentences.js";
export { searchWords, searchTerms, searchTermCounts } from "./search-terms.js";
export { summaryWords, summaryTerms } from "./summary-terms.js";
export { SEARCH_STOP_WORDS, SUMMARY_STOP_WORDS } from "./stop-words.js";
export { stem } from "./stem.js";
export { termWeights, sentenceCoverage } from "./sentence-coverage.js";
export { hasVerb } from "./has-verb.js";
export { DEBRIS_RULES, firstDebrisRule, isProseLine, type DebrisRule, type DebrisRuleName } from "./debris-rules.js";
export { foldCase, foldWords } from "./fold-text.js";
export { gazetteerTags, type GazetteerTag } from "./gazetteer.js";
