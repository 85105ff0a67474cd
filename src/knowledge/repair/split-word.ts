// Decides whether one letters-only word ("tostabilise", "Libyandelegation") is two glued words.
// The segmenter proposes a split; these rules accept it only on clear evidence, because an
// unknown word in news is more often a name, a brand, a derived word or a rare compound.
import type { Lexicon } from "./lexicon.js";
import { segment } from "./segment.js";
import { glueShape, type WordSplit } from "./glue-shape.js";
import { FUNCTION_WORDS } from "./word-classes.js";

export type { WordSplit } from "./glue-shape.js";

/** An unknown word of n letters costs UNKNOWN_BASE + UNKNOWN_PER_LETTER·n. */
const UNKNOWN_BASE = 6;
/** Glue with a closed-class word is the common case, so lower-case tokens with one need less. */
const FUNCTION_GLUE_BONUS = 4;
const BONUS_WORD_COST = 12.5;
const BONUS_SHORT_WORD_COST = 10.5;
const UNKNOWN_PER_LETTER = 1.8;
/** A split must beat leaving the word whole by this much. */
const MARGIN = 2;
/** A listed word is split only when a closed-class split is this much cheaper ("inthe"). */
const KNOWN_MARGIN = 4;
/** After "in" (also a negating prefix: "innumeracy") the rest must be this common. */
const AFTER_IN_COST = 11;
const MIN_LENGTH = 4;
/** Longer letter runs are not glued words (a base64 blob, a URL slug): skip them. */
const MAX_LENGTH = 40;

export interface SplitWordOptions {
  /** The word follows a hyphen ("follow-upmechanisms"): its first piece ends a compound. */
  afterHyphen?: boolean;
}

/** Stems a word may be inflected or derived from: "whistleblowers" → "whistleblower". */
function stems(lower: string): string[] {
  const out: string[] = [];
  const m = /^(.{4,}?)(ies|es|s|ied|ed|d|ing|ly|ness|er|ers)$/.exec(lower);
  if (m) {
    const [, stem, ending] = m as unknown as [string, string, string];
    out.push(stem, stem + "e");
    if (ending.startsWith("i")) out.push(stem + "y");
    if (ending === "ness") out.push(stem.replace(/i$/, "y"));
  }
  return out;
}

function decide(lexicon: Lexicon, word: string, afterHyphen: boolean): WordSplit | null {
  if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !/^\p{Lu}?\p{Ll}+$/u.test(word)) return null;
  const lower = word.toLowerCase();
  const capitalised = lower !== word;
  const seg = segment(lexicon, lower);
  if (!seg) return null;
  // An inflected form of a listed word counts as listed (cost of the stem).
  const whole = Math.min(lexicon.cost(lower), ...stems(lower).map((s) => lexicon.cost(s)));
  let split: WordSplit | null;
  if (whole < Infinity) {
    const closed = seg.pieces.every((p) => FUNCTION_WORDS.has(p));
    split = closed && seg.cost + KNOWN_MARGIN < whole ? { pieces: seg.pieces, needsEvidence: false } : null;
  } else {
    split = glueShape(lexicon, seg.pieces, capitalised, afterHyphen);
    if (split && seg.pieces[0] === "in" && lexicon.cost(seg.pieces[1]!) > AFTER_IN_COST) split = null;
    // The bonus needs a common content word, not a misspelling ("sucessor" → "sucess or").
    const closedGlue =
      !capitalised &&
      seg.pieces.some((p) => FUNCTION_WORDS.has(p)) &&
      seg.pieces.every((p) => FUNCTION_WORDS.has(p) || lexicon.cost(p) <= (p.length >= 4 ? BONUS_WORD_COST : BONUS_SHORT_WORD_COST));
    const unknown = UNKNOWN_BASE + UNKNOWN_PER_LETTER * lower.length + (closedGlue ? FUNCTION_GLUE_BONUS : 0);
    if (seg.cost + MARGIN >= unknown) split = null;
  }
  if (split && capitalised) {
    const first = split.pieces[0]!;
    split.pieces[0] = first.charAt(0).toUpperCase() + first.slice(1);
  }
  return split;
}

const memo = new WeakMap<Lexicon, Map<string, WordSplit | null>>();
/** Bounds the memo for a long-running bot: a news vocabulary is far smaller. */
const MEMO_LIMIT = 500_000;

/** How a glued letters-only word splits, or null to leave it as it is. Memoised per lexicon. */
export function splitWord(lexicon: Lexicon, word: string, options: SplitWordOptions = {}): WordSplit | null {
  let cache = memo.get(lexicon);
  if (!cache || cache.size > MEMO_LIMIT) memo.set(lexicon, (cache = new Map()));
  const key = options.afterHyphen ? `-${word}` : word;
  let result = cache.get(key);
  if (result === undefined) {
    result = decide(lexicon, word, options.afterHyphen ?? false);
    cache.set(key, result);
  }
  return result && { ...result, pieces: result.pieces.slice() };
}
