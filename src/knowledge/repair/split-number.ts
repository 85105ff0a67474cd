// Glue between a number and a word: "2011upheaval", "189,000last", "at$500m", "was1.6%".
// A number's own unit or suffix ("£5bn", "10m", "1990s", "19th", "5in") is never cut off.
import type { Lexicon } from "./lexicon.js";
import { FUNCTION_WORDS } from "./word-classes.js";

/** Letters that may follow a number as its unit or suffix. */
const UNITS = new Set([
  "m",
  "bn",
  "k",
  "tn",
  "th",
  "st",
  "nd",
  "rd",
  "s",
  "pm",
  "am",
  "kg",
  "km",
  "mm",
  "cm",
  "mph",
  "ft",
  "in",
  "lb",
  "lbs",
  "oz",
  "g",
  "gb",
  "mb",
  "kb",
  "tb",
  "mw",
  "kw",
  "gw",
  "x",
  "p",
  "sec",
  "secs",
  "min",
  "mins",
  "hr",
  "hrs",
  "yr",
  "yrs",
  "ml",
  "l",
  "bp",
  "bps",
  "kbps",
  "mbps",
  "gbps",
  "kmph",
  "khz",
  "mhz",
  "ghz",
  "sqft",
  "mp",
  "ms",
  "ns",
  "v",
  "w",
  "c",
  "f",
  "d",
  "i",
  "e",
  "a",
  "b",
]);
const COMMON_COST = 12;
const WORD_COST = 14;

const NUMBER = String.raw`[$£€]?\d(?:[\d,.]*\d)?%?`;
const WORD_THEN_NUMBER = new RegExp(String.raw`^(\p{L}{2,})(${NUMBER}\p{Ll}{0,3})$`, "u");
const NUMBER_THEN_WORD = new RegExp(String.raw`^(${NUMBER})(\p{L}{2,})$`, "u");

function isLeadWord(lexicon: Lexicon, word: string): boolean {
  const lower = word.toLowerCase();
  if (word === lower) return FUNCTION_WORDS.has(lower) || (lower.length >= 3 && lexicon.cost(lower) <= COMMON_COST);
  // Capitalised: only a sentence-opening closed-class word ("The777"), never a model name ("Series116").
  return /^\p{Lu}\p{Ll}+$/u.test(word) && lower.length >= 3 && FUNCTION_WORDS.has(lower);
}

function isTrailWord(lexicon: Lexicon, word: string, afterPercent: boolean): boolean {
  const lower = word.toLowerCase();
  if (word === lower) {
    if (UNITS.has(lower) && !afterPercent) return false;
    return lower.length >= 4 ? lexicon.cost(lower) <= WORD_COST : FUNCTION_WORDS.has(lower);
  }
  return false; // "4Cast", "3Com", "4Children": brands
}

/** Amount suffixes that start "380meuros" or "3.4bnDanish". */
const NUMBER_UNIT_WORD = new RegExp(String.raw`^(${NUMBER})(bn|tn|m|k)(\p{L}{3,})$`, "u");

/** The number and word a glued token splits into, or null. */
export function splitNumber(lexicon: Lexicon, token: string): string[] | null {
  const before = WORD_THEN_NUMBER.exec(token);
  if (before) return isLeadWord(lexicon, before[1]!) ? [before[1]!, before[2]!] : null;
  const after = NUMBER_THEN_WORD.exec(token);
  if (after && isTrailWord(lexicon, after[2]!, after[1]!.endsWith("%"))) return [after[1]!, after[2]!];
  // "380meuros": a number with its unit, then a word.
  const unit = NUMBER_UNIT_WORD.exec(token);
  if (unit && !UNITS.has(unit[2]! + unit[3]!) && isTrailWord(lexicon, unit[3]!, false)) {
    return [unit[1]! + unit[2]!, unit[3]!];
  }
  return null;
}
