import { firstDebrisRule } from "../text/index.js";

/** The debris rules summaries apply to a sentence before ranking it, in order. */
const SENTENCE_RULES = ["too-short", "no-lowercase", "unpunctuated", "label", "link", "no-verb"] as const;

export type DebrisReason = (typeof SENTENCE_RULES)[number];

/** Why a sentence is not worth quoting (the first rule that says so), or null when it is a real sentence. */
export function debrisReason(text: string): DebrisReason | null {
  return firstDebrisRule(text, SENTENCE_RULES);
}

export function isDebris(text: string): boolean {
  return debrisReason(text) !== null;
}
