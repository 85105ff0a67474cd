// Glue that shows in letter case: "ArmyStaff", "asPakistan", "GHQmeeting". Brands and names
// written in camel case ("PlayStation", "iPod", "McCartney", "DiCaprio") must survive.
import type { DocContext } from "./doc-context.js";
import { splitWord } from "./split-word.js";
import { FUNCTION_WORDS } from "./word-classes.js";

/** Name particles that are followed by a capital inside one name. */
const NAME_PREFIXES = new Set([
  "mc", "mac", "di", "de", "da", "du", "la", "le", "van", "von", "fitz", "st", "al", "el", "abu", "ibn", "ben",
]);

/** A piece counts as a word if it is common in English or written alone in the same article. */
const COMMON_COST = 13;

const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/**
 * A piece counts as a word if the article writes it alone, or if it is a common English word of
 * four letters or more: brands favour short stems ("YouGov", "PowerMac", "OneTel").
 */
function evidenced(ctx: DocContext, piece: string): boolean {
  const lower = piece.toLowerCase();
  return ctx.lower.has(lower) || (lower.length >= 4 && ctx.lexicon.cost(lower) <= COMMON_COST);
}

/** In the word lists as it is or as a plural ("PlayStations"). */
function listed(ctx: DocContext, word: string): boolean {
  const lower = word.toLowerCase();
  const singular = lower.replace(/e?s$/, "");
  return [lower, singular, lower.slice(0, -1)].some((w) => ctx.lexicon.cost(w) < Infinity);
}

/** The words a camel-case token splits into, or null to leave it whole. */
export function splitCamel(ctx: DocContext, token: string): string[] | null {
  const acronymThenWord = /^(\p{Lu}{3,})(\p{Ll}{3,})$/u.exec(token);
  // "GHQmeeting", but not "JPMorgan", where the last capital starts the word.
  if (acronymThenWord && !listed(ctx, token.slice(acronymThenWord[1]!.length - 1))) {
    const word = acronymThenWord[2]!;
    return ctx.lexicon.cost(word) <= COMMON_COST ? [acronymThenWord[1]!, word] : null;
  }
  const pieces = token.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
  if (pieces.length !== 2) return null;
  const [a, b] = pieces as [string, string];
  if (!CAPITALISED.test(b) || b.length < 3) return null;
  if (listed(ctx, token)) return null; // a listed brand or name
  if ((ctx.forms.get(token) ?? 0) > 1) return null; // repeated: written so on purpose
  if (/^\p{Lu}+$/u.test(a)) {
    // "BBCNews": an acronym before a capitalised word.
    return a.length >= 3 && evidenced(ctx, b) ? [a, b] : null;
  }
  if (/^\p{Ll}+$/u.test(a)) {
    // "asPakistan": a lower-case word, or glued words, before a capitalised one.
    if (a.length < 2) return null;
    const left = FUNCTION_WORDS.has(a) || ctx.lexicon.cost(a) <= COMMON_COST ? [a] : splitWord(ctx.lexicon, a)?.pieces;
    return left && evidenced(ctx, b) ? [...left, b] : null;
  }
  if (!CAPITALISED.test(a) || a.length < 3) return null;
  if (NAME_PREFIXES.has(a.toLowerCase()) || a.toLowerCase() === b.toLowerCase()) return null;
  return evidenced(ctx, a) && evidenced(ctx, b) ? [a, b] : null;
}
