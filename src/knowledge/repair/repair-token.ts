// Repairs one white-space-delimited token: glued words split, a space lost next to punctuation
// restored. URLs, e-mail addresses, numbers with units and dotted abbreviations pass untouched.
import type { DocContext } from "./doc-context.js";
import type { Lexicon } from "./lexicon.js";
import { splitAtPunctuation, splitAtQuotes } from "./punctuation-glue.js";
import { splitCamel } from "./split-camel.js";
import { splitNumber } from "./split-number.js";
import { splitWord } from "./split-word.js";

export interface TokenResult {
  text: string;
  /** Spaces inserted. */
  splits: number;
}

/** A second piece this common needs no evidence ("Frenchspirits" when "French" is written). */
const COMMON_SECOND_COST = 10;

/**
 * The article writes the token once, its first piece alone as written ("Libyan"), and the
 * others alone in any case, or they are common words after a long first piece.
 */
function writtenApart(ctx: DocContext, token: string, pieces: string[]): boolean {
  if ((ctx.forms.get(token) ?? 0) > 1) return false;
  const [first, ...rest] = pieces as [string, ...string[]];
  const seen = (p: string) =>
    ctx.forms.has(p) || ctx.lower.has(p.toLowerCase()) || (first.length >= 5 && ctx.lexicon.cost(p) <= COMMON_SECOND_COST);
  return ctx.forms.has(first) && rest.every(seen);
}

function repairLetters(ctx: DocContext, word: string, afterHyphen: boolean): string[] | null {
  if (!/^\p{Lu}?\p{Ll}+$/u.test(word)) return splitCamel(ctx, word);
  const split = splitWord(ctx.lexicon, word, { afterHyphen });
  if (!split || (split.needsEvidence && !writtenApart(ctx, word, split.pieces))) return null;
  if (split.onlyOnce && (ctx.forms.get(word) ?? 0) > 1) return null;
  return split.pieces;
}

/** One hyphen-free piece, possibly with a possessive or contraction ("AsimMunir’s"). */
function repairPart(ctx: DocContext, part: string, afterHyphen: boolean): string[] | null {
  const m = /^(.*?)((?:['’](?:s|t|re|ve|ll|d|m)?)?)$/iu.exec(part)!;
  const base = m[1]!;
  const suffix = m[2]!;
  let words: string[] | null = null;
  if (/^\p{L}+$/u.test(base)) words = repairLetters(ctx, base, afterHyphen);
  else if (/\p{N}/u.test(base)) words = splitNumber(ctx.lexicon, base);
  if (!words) return null;
  words[words.length - 1] += suffix;
  return words;
}

function repairCore(ctx: DocContext, core: string): TokenResult {
  // Glue sits at a hyphenated token's ends only: "deepeningmilitary-to-military".
  const parts = core.split("-");
  let splits = 0;
  const ends = parts.length === 1 ? [0] : [0, parts.length - 1];
  for (const i of ends) {
    const words = repairPart(ctx, parts[i]!, i > 0);
    if (words) {
      parts[i] = words.join(" ");
      splits += words.length - 1;
    }
  }
  return { text: parts.join("-"), splits };
}

/**
 * Most tokens are a common word with at most a punctuation mark: nothing to do. (Rarer listed
 * entries still go through the rules: the lists hold junk such as "inthe".)
 */
const PLAIN = /^\p{L}+[.,;:!?]?$/u;
const PLAIN_COST = 12;

/** `quotesBefore`: straight double quotes earlier in the line, to tell opening from closing. */
export function repairToken(ctx: DocContext, token: string, quotesBefore = 0): TokenResult {
  if (isPlain(ctx, token) || isAddress(token)) return { text: token, splits: 0 };
  const quoted = token.includes('"') ? splitAtQuotes(token, quotesBefore) : [token];
  const pieces = quoted.flatMap(splitAtPunctuation);
  const repaired = pieces.map((piece) => repairPiece(ctx, piece));
  return {
    text: repaired.map((r) => r.text).join(" "),
    splits: repaired.reduce((n, r) => n + r.splits, pieces.length - 1),
  };
}

function plain(lexicon: Lexicon, token: string): boolean {
  if (!PLAIN.test(token)) return false;
  const word = /[.,;:!?]$/.test(token) ? token.slice(0, -1) : token;
  return lexicon.cost(word.toLowerCase()) <= PLAIN_COST && !/\p{Lu}/u.test(word.slice(1));
}

// Whether a token is plain depends on the lexicon only, and a news vocabulary repeats: the answer
// is kept per token (the regular expressions and the large word list were a third of the repair's
// time in a CPU profile of an index build).
const plainMemo = new WeakMap<Lexicon, Map<string, boolean>>();
/** Bounds the memo for a long-running bot. */
const PLAIN_MEMO_LIMIT = 200_000;

function isPlain(ctx: DocContext, token: string): boolean {
  let memo = plainMemo.get(ctx.lexicon);
  if (!memo || memo.size > PLAIN_MEMO_LIMIT) plainMemo.set(ctx.lexicon, (memo = new Map()));
  let result = memo.get(token);
  if (result === undefined) memo.set(token, (result = plain(ctx.lexicon, token)));
  return result;
}

/** URL, e-mail address, domain or dotted abbreviation ("e.g."). */
function isAddress(token: string): boolean {
  return /[@/\\]|\.\p{Ll}|www\./u.test(token);
}

/** A token without lost spaces at punctuation: its word core, stripped of punctuation. */
function repairPiece(ctx: DocContext, piece: string): TokenResult {
  if (isPlain(ctx, piece)) return { text: piece, splits: 0 };
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}'’]*)$/su.exec(piece)!;
  const [, lead, core, trail] = m as unknown as [string, string, string, string];
  if (!core || /[^\p{L}\p{N}'’.,%$£€-]/u.test(core)) return { text: piece, splits: 0 };
  const r = repairCore(ctx, core);
  return { text: lead + r.text + trail, splits: r.splits };
}
