// The shape of glue: which two-word splits of an unlisted word are two words that lost the
// space between them, and which are names ("Longwell"), brands or solid compounds ("lineout").
import type { Lexicon } from "./lexicon.js";
import { COMPOUND_PREFIXES, DERIVATIONAL_SUFFIXES, FUNCTION_WORDS, INFLECTED_ENDING } from "./word-classes.js";

export interface WordSplit {
  pieces: string[];
  /** True when the split holds only if the article writes the pieces apart elsewhere, and the
   * token itself only once (names repeat). */
  needsEvidence: boolean;
  /** True when the split holds only if the article writes the token once (compounds repeat). */
  onlyOnce?: boolean;
}

const A_AFTER_COST = 11;
/** After a capitalised first piece, the second must be this common. */
const CAPITAL_SECOND_COST = 11;
/** Two common content words glued ("taxrate", "recordlow"): this long, each this common. */
const COMMON_PAIR_LENGTH = 10;
const COMMON_PAIR_COST = 12.5;
const COMMON_PAIR_SHORT_COST = 10;

/**
 * Whether a proposed split of an unlisted word has the shape of glue, and what evidence from
 * the article it still needs; null when it looks like a name, brand or solid compound.
 */
export function glueShape(lexicon: Lexicon, pieces: string[], capitalised: boolean, afterHyphen: boolean): WordSplit | null {
  const [first, second] = pieces as [string, string];
  const length = first.length + (second?.length ?? 0);
  if (pieces.length !== 2 || DERIVATIONAL_SUFFIXES.has(second)) return null;
  // "postinga": a line that ended in "a"; never after a capital or a rare stem ("Botha").
  if (second === "a" && (capitalised || first.length < 4 || lexicon.cost(first) > A_AFTER_COST)) return null;
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
    length >= COMMON_PAIR_LENGTH && pieces.every((p) => lexicon.cost(p) <= (p.length > 3 ? COMMON_PAIR_COST : COMMON_PAIR_SHORT_COST));
  if (second.length < 3) return null;
  if (afterHyphen || inflected) return { pieces, needsEvidence: false };
  return long || common ? { pieces, needsEvidence: false, onlyOnce: true } : null;
}
