// Glue that shows in letter case: "ArmyStaff", "asPakistan", "GHQmeeting". Brands and names
// written in camel case ("PlayStation", "iPod", "McCartney", "DiCaprio") must survive.
import type { DocContext } from "./doc-context.js";
import { splitWord } from "./split-word.js";
import { FUNCTION_WORDS } from "./word-classes.js";

/** Name particles that are followed by a capital inside one name. */
const NAME_PREFIXES = new Set([
  "mc",
  "mac",
  "di",
  "de",
  "da",
  "du",
  "la",
  "le",
  "van",
  "von",
  "fitz",
  "st",
  "al",
  "el",
  "abu",
  "ibn",
  "ben",
]);

/** "Common in English": about the 60,000 most frequent words of the lists. */
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

/** Short lower-case words this common ("up", "new") start glue, not brands ("php"). */
const SHORT_COMMON_COST = 9;
const ACRONYM = /^\p{Lu}{2,}$/u;
/** Titles written before a name: "MrLearmount". */
const TITLES = new Set(["mr", "mrs", "ms", "dr"]);

/** An acronym glued to a lower-case word: "GHQmeeting", "GEand"; never "PCs" or "JPMorgan". */
function splitAcronymWord(ctx: DocContext, token: string): string[] | null {
  const m = /^(\p{Lu}{2,})(\p{Ll}{2,})$/u.exec(token);
  if (!m) return null;
  const [, acronym, word] = m as unknown as [string, string, string];
  if (FUNCTION_WORDS.has(word)) return [acronym, word];
  // The last capital may start the word instead ("JPMorgan"): then it is no acronym glue.
  if (word.length < 3 || listed(ctx, token.slice(acronym.length - 1))) return null;
  // Two-letter acronyms ("UScompanies") need a longer word: "PCs", "DJing", "TVs" stay.
  if (acronym.length < 3 && word.length < 4) return null;
  return ctx.lexicon.cost(word) <= COMMON_COST ? [acronym, word] : null;
}

/** The words a camel-case token splits into, or null to leave it whole. */
export function splitCamel(ctx: DocContext, token: string): string[] | null {
  if (/^\p{Lu}{2,}\p{Ll}+$/u.test(token)) return splitAcronymWord(ctx, token);
  const pieces = token.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
  if (pieces.length !== 2) return null;
  const [a, b] = pieces as [string, string];
  const bCapitalised = CAPITALISED.test(b) && b.length >= 3;
  if (!bCapitalised && !ACRONYM.test(b)) return null;
  // A listed brand or name ("PlayStation"); the lists' lower-case junk ("aus") is no reason.
  if (!ACRONYM.test(b) && listed(ctx, token)) return null;
  const aLower = a.toLowerCase();
  if (ACRONYM.test(a)) {
    // "BBCNews": an acronym before a capitalised word.
    return bCapitalised && a.length >= 3 && evidenced(ctx, b) ? [a, b] : null;
  }
  if (a === aLower) {
    // "asPakistan", "intoAOL", "keyYukos": a lower-case word, or glued words, before a name.
    // Brands that start in lower case use one letter ("iPod", "eBay"); "aUS" is glue.
    if (FUNCTION_WORDS.has(a) && (a.length >= 2 || ACRONYM.test(b))) return [a, b];
    if (a.length < 4 && !(a.length >= 2 && ctx.lexicon.cost(a) <= SHORT_COMMON_COST)) return null;
    const left = ctx.lexicon.cost(a) <= COMMON_COST ? [a] : splitWord(ctx.lexicon, a)?.pieces;
    return left ? [...left, b] : null;
  }
  if (!CAPITALISED.test(a)) return null;
  // "TheUS", "MrLearmount": a sentence-opening closed-class word or a title before a name.
  if (FUNCTION_WORDS.has(aLower) && a.length >= 3 && (ACRONYM.test(b) || evidenced(ctx, b))) return [a, b];
  if (TITLES.has(aLower) && bCapitalised) return [a, b];
  if (!bCapitalised || a.length < 3) return null;
  if (NAME_PREFIXES.has(aLower) || aLower === b.toLowerCase()) return null;
  if ((ctx.forms.get(token) ?? 0) > 1) return null; // a repeated name: written so on purpose
  return evidenced(ctx, a) && evidenced(ctx, b) ? [a, b] : null;
}
