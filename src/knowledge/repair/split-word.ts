// Decides whether one letters-only word ("tostabilise", "Libyandelegation") is two glued words.
// The segmenter proposes a split; these rules accept it only on clear evidence, because an
// unknown word in news is more often a name, a brand, a derived word or a rare compound.
import type { Lexicon } from "./lexicon.js";
import { segment } from "./segment.js";
import { COMPOUND_PREFIXES, DERIVATIONAL_SUFFIXES, FUNCTION_WORDS, INFLECTED_ENDING } from "./word-classes.js";

/** An unknown word of n letters costs UNKNOWN_BASE + UNKNOWN_PER_LETTER·n. */
const UNKNOWN_BASE = 6;
/** Glue with a closed-class word is the common case, so lower-case tokens with one need less. */
const FUNCTION_GLUE_BONUS = 4;
const BONUS_WORD_COST = 12.5;
const UNKNOWN_PER_LETTER = 1.8;
/** A split must beat leaving the word whole by this much. */
const MARGIN = 2;
/** A listed word is split only when a closed-class split is this much cheaper ("inthe"). */
const KNOWN_MARGIN = 4;
/** After "in" (also a negating prefix: "innumeracy") the rest must be this common. */
const AFTER_IN_COST = 11;
const MIN_LENGTH = 4;

export interface WordSplit {
  pieces: string[];
  /** True when the split holds only if the article writes the pieces apart elsewhere, and the
   * token itself only once (names repeat). */
  needsEvidence: boolean;
  /** True when the split holds only if the article writes the token once (compounds repeat). */
  onlyOnce?: boolean;
}

export interface SplitWordOptions {
  /** The word follows a hyphen ("follow-upmechanisms"): its first piece ends a compound. */
  afterHyphen?: boolean;
}

/** After a capitalised first piece, the second must be this common. */
const CAPITAL_SECOND_COST = 11;
/** Two common content words glued ("taxrate", "recordlow"): this long, each this common. */
const COMMON_PAIR_LENGTH = 10;
const COMMON_PAIR_COST = 11;
const COMMON_PAIR_SHORT_COST = 10;

function shapeOk(lexicon: Lexicon, pieces: string[], capitalised: boolean, length: number, afterHyphen: boolean): WordSplit | null {
  const [first, second] = pieces as [string, string];
  if (pieces.length !== 2 || DERIVATIONAL_SUFFIXES.has(second)) return null;
  if (second === "a") return null;
  if (capitalised) {
    // Capitalised unknown words are mostly names ("Longwell", "Letwin"). Split after a
    // sentence-opening closed-class word ("Thishigh"); otherwise only when the article also
    // writes the pieces apart and never writes the token again ("Libyandelegation", "Itsaid").
    const opener = FUNCTION_WORDS.has(first) && first.length >= 3 && !COMPOUND_PREFIXES.has(first);
    if (opener && (second.length >= 3 || FUNCTION_WORDS.has(second))) {
      return { pieces, needsEvidence: false };
    }
    if (second.length < 3) return null;
    const plain = (FUNCTION_WORDS.has(second) && second.length >= 3) || (second.length >= 4 && lexicon.cost(second) <= CAPITAL_SECOND_COST);
    const long = length >= 12 && first.length >= 5 && second.length >= 5;
    if (first.length < (FUNCTION_WORDS.has(first) ? 2 : 3)) return null;
    return plain || long ? { pieces, needsEvidence: true } : null;
  }
  if (!afterHyphen && COMPOUND_PREFIXES.has(first) && !FUNCTION_WORDS.has(second)) return null;
  if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(second)) {
    return first.length >= 3 || FUNCTION_WORDS.has(first) ? { pieces, needsEvidence: false } : null;
  }
  // Two content words: solid compounds ("showbusiness", "doorstepping") start with a bare stem;
  // glue across a line break often starts with an inflected word, joins two long ones, or two
  // very common ones in a token too long for most compounds.
  const inflected = first.length >= 5 && INFLECTED_ENDING.test(first);
  const long = length >= 14 && first.length >= 5 && second.length >= 5;
  const common =
    length >= COMMON_PAIR_LENGTH &&
    pieces.every((p) => lexicon.cost(p) <= (p.length > 3 ? COMMON_PAIR_COST : COMMON_PAIR_SHORT_COST));
  if (second.length < 3) return null;
  if (afterHyphen || inflected) return { pieces, needsEvidence: false };
  return long || common ? { pieces, needsEvidence: false, onlyOnce: true } : null;
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
  if (word.length < MIN_LENGTH || !/^\p{Lu}?\p{Ll}+$/u.test(word)) return null;
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
    split = shapeOk(lexicon, seg.pieces, capitalised, lower.length, afterHyphen);
    if (split && seg.pieces[0] === "in" && lexicon.cost(seg.pieces[1]!) > AFTER_IN_COST) split = null;
    // The bonus needs a common content word, not a misspelling ("sucessor" → "sucess or").
    const closedGlue =
      !capitalised &&
      seg.pieces.some((p) => FUNCTION_WORDS.has(p)) &&
      seg.pieces.every((p) => FUNCTION_WORDS.has(p) || (p.length >= 4 && lexicon.cost(p) <= BONUS_WORD_COST));
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

/** How a glued letters-only word splits, or null to leave it as it is. Memoised per lexicon. */
export function splitWord(lexicon: Lexicon, word: string, options: SplitWordOptions = {}): WordSplit | null {
  let cache = memo.get(lexicon);
  if (!cache) memo.set(lexicon, (cache = new Map()));
  const key = options.afterHyphen ? `-${word}` : word;
  let result = cache.get(key);
  if (result === undefined) {
    result = decide(lexicon, word, options.afterHyphen ?? false);
    cache.set(key, result);
  }
  return result && { ...result, pieces: result.pieces.slice() };
}
