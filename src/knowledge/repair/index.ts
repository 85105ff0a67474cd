export { repairText, repairTextWithStats, repairLine, type RepairStats, type RepairResult } from "./repair-text.js";
export { isDebrisLine, debrisLines } from "./debris.js";
export { englishLexicon, createLexicon, type Lexicon, type CountEntry } from "./lexicon.js";
export { docContext, type DocContext } from "./doc-context.js";
export { segment, type Segmentation } from "./segment.js";
