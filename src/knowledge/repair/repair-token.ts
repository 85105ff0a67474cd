// Repairs one white-space-delimited token: glued words split, a missing space after a comma
// restored. URLs, e-mail addresses, numbers with units and dotted abbreviations pass untouched.
import type { DocContext } from "./doc-context.js";
import { splitCamel } from "./split-camel.js";
import { splitWord } from "./split-word.js";

/** Unit words that follow a number without a space ("512kbps"). */
const UNITS = new Set(["kbps", "mbps", "gbps", "kmph", "mins", "secs", "sqft", "khz", "mhz", "ghz"]);
const COMMON_COST = 14;

export interface TokenResult {
  text: string;
  /** Spaces inserted. */
  splits: number;
}

function writtenApart(ctx: DocContext, pieces: string[]): boolean {
  return pieces.every((p) => ctx.forms.has(p) || ctx.lower.has(p.toLowerCase()));
}

function repairLetters(ctx: DocContext, word: string, afterHyphen: boolean): string[] | null {
  if (!/^\p{Lu}?\p{Ll}+$/u.test(word)) return splitCamel(ctx, word);
  const split = splitWord(ctx.lexicon, word, { afterHyphen });
  if (!split || (split.needsEvidence && !writtenApart(ctx, split.pieces))) return null;
  return split.pieces;
}

/** One hyphen-free piece, possibly with a possessive or contraction ("AsimMunir’s"). */
function repairPart(ctx: DocContext, part: string, afterHyphen: boolean): string[] | null {
  const m = /^(.*?)((?:['’](?:s|t|re|ve|ll|d|m)?)?)$/iu.exec(part)!;
  const base = m[1]!;
  const suffix = m[2]!;
  if (!/^[\p{L}\p{N}]+$/u.test(base)) return null;
  let words: string[] | null = null;
  const numbered = /^(\p{N}+)(\p{Ll}{4,})$/u.exec(base);
  if (numbered) {
    const unit = numbered[2]!;
    if (!UNITS.has(unit) && ctx.lexicon.cost(unit) <= COMMON_COST) words = [numbered[1]!, unit];
  } else if (/^\p{L}+$/u.test(base)) {
    words = repairLetters(ctx, base, afterHyphen);
  }
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

export function repairToken(ctx: DocContext, token: string): TokenResult {
  if (/[@/\\]|\.\p{L}/u.test(token)) return { text: token, splits: 0 }; // URL, e-mail, "e.g."
  // "forces,renowned": letters on both sides, never digits ("1,000").
  const clauses = token.split(/(?<=\p{L}\p{L}),(?=\p{L}\p{L})/u);
  if (clauses.length > 1) {
    const repaired = clauses.map((c) => repairToken(ctx, c));
    return {
      text: repaired.map((r) => r.text).join(", "),
      splits: repaired.reduce((n, r) => n + r.splits, clauses.length - 1),
    };
  }
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}'’]*)$/su.exec(token)!;
  const [, lead, core, trail] = m as unknown as [string, string, string, string];
  if (!core || /[^\p{L}\p{N}'’-]/u.test(core)) return { text: token, splits: 0 };
  const r = repairCore(ctx, core);
  return { text: lead + r.text + trail, splits: r.splits };
}
