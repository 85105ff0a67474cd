import { words } from "../text/summary-terms.js";
import { hasVerb } from "./verbs.js";

// General rules for text that is not a sentence worth quoting: captions, credits, headings,
// links, cut fragments. No rule names a particular site or article.

const MIN_WORDS = 4;
// A heading or caption rarely ends with sentence punctuation; a real sentence that long does.
const UNPUNCTUATED_MAX_WORDS = 15;
const ENDS_LIKE_SENTENCE = /[.!?]["'”’)\]]*$/u;
// "Photo: Reuters", "(Image credit – AFP)": a label word, then a colon, bar or dash soon after.
const CAPTION =
  /^[(\[]?(photo|photograph|picture|image|video|graphic|illustration|caption|credit|source|file photo|copyright|related|watch|listen)\b[^.!?:]{0,30}?\s?[:|–—]/iu;
// Calls to action around an article body.
const CALL_TO_ACTION = /^(click|tap|subscribe|sign up|read more|see also|share this|follow us|advertisement|sponsored content)\b/iu;
const LINK = /(https?:\/\/|www\.|\S+@\S+\.\w+)/iu;

const MIN_LOWERCASE_SHARE = 0.5;

/** Share of alphabetic words that start with a lower-case letter. */
function lowercaseShare(text: string): number {
  const alpha = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (alpha.length === 0) return 0;
  return alpha.filter((w) => /^\p{Ll}/u.test(w)).length / alpha.length;
}

export type DebrisReason = "too-short" | "no-lowercase" | "unpunctuated" | "label" | "link" | "no-verb";

/** Why a sentence is debris, or null when it is a real sentence. */
export function debrisReason(text: string): DebrisReason | null {
  const ws = words(text);
  if (ws.length < MIN_WORDS) return "too-short";
  if (!/\p{Ll}/u.test(text)) return "no-lowercase";
  if (!ENDS_LIKE_SENTENCE.test(text) && ws.length <= UNPUNCTUATED_MAX_WORDS) return "unpunctuated";
  if (CAPTION.test(text) || CALL_TO_ACTION.test(text)) return "label";
  if (LINK.test(text) && ws.length <= 10) return "link";
  // Captions, line-ups and result lines are mostly names and numbers with no verb. The tagger
  // misses some verbs ("the jobless total rose"), so prose with plenty of lower-case words stays.
  if (lowercaseShare(text) < MIN_LOWERCASE_SHARE && !hasVerb(text)) return "no-verb";
  return null;
}

export function isDebris(text: string): boolean {
  return debrisReason(text) !== null;
}
