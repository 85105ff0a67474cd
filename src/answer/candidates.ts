import { gazetteerTags } from "../text/index.js";
import { nameType, type NameType } from "./name-type.js";
import { isNumericToken, type TaggedToken } from "./tagged-tokens.js";

// Candidate answer spans in a sentence: names, dates, amounts and noun phrases, the kinds of
// constituents SQuAD-style answers are made of.

/** Names are typed (name-type.ts); "proper" is a name of unknown type. */
export type CandidateKind = NameType | "time" | "number" | "money" | "percent" | "noun";

export interface Candidate {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  kind: CandidateKind;
}

const ENTITY_KIND: Record<string, CandidateKind> = {
  DATE: "time",
  TIME: "time",
  DURATION: "number",
  CARDINAL: "number",
  ORDINAL: "number",
  QUANTITY: "number",
  MONEY: "money",
  PERCENT: "percent",
};

// Small words that join a name's parts: "Bank of England", "Abu al-Qasim", "Procter and Gamble";
// "in" only inside a hyphenated title ("Commander-in-Chief").
const NAME_JOINERS = new Set(["of", "al", "el", "de", "da", "del", "der", "van", "von", "bin", "ibn", "and", "the", "&"]);
// Joiners that may as well separate two names ("Morgan Stanley and the University of Chicago"):
// the parts are candidates too.
const SEPARATORS = new Set(["and", "&"]);

const isCapitalised = (t: TaggedToken) => /^\p{Lu}/u.test(t.text);
const isNounish = (t: TaggedToken) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM";
const glued = (a: TaggedToken, b: TaggedToken) => a.end === b.start;

function properAt(tokens: TaggedToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos === "PROPN") return true;
  if (!isCapitalised(t) || !(t.pos === "NOUN" || t.pos === "ADJ")) return false;
  // At a sentence's start only a rank or title counts ("General Haftar said …").
  return i > 0 || gazetteerTags(t.text).has("title");
}

function properChains(tokens: TaggedToken[], out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    if (!properAt(tokens, i)) {
      i++;
      continue;
    }
    let last = i;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (properAt(tokens, j)) last = j;
      else if (t.text === "-" && glued(tokens[j - 1]!, t)) continue;
      else if (t.text === "in" && glued(tokens[j - 1]!, t) && tokens[j - 1]!.text === "-") continue;
      else if (NAME_JOINERS.has(t.text.toLowerCase()) && j + 1 < tokens.length) continue;
      else break;
    }
    pushName(tokens, i, last, out);
    // The parts of "A and B" are candidates too.
    let from = i;
    for (let j = i; j <= last + 1; j++) {
      if (j <= last && !SEPARATORS.has(tokens[j]!.text.toLowerCase())) continue;
      if (from > i || j <= last) {
        let end = j - 1;
        while (end > from && !properAt(tokens, end)) end--;
        let start = from;
        while (start < end && !properAt(tokens, start)) start++;
        if (properAt(tokens, start)) pushName(tokens, start, end, out);
      }
      from = j + 1;
    }
    i = last + 1;
  }
}

/** A name candidate, unless it is only a date the tagger already typed ("Tuesday", "December"). */
function pushName(tokens: TaggedToken[], first: number, last: number, out: Candidate[]): void {
  if (tokens.slice(first, last + 1).every((t) => t.entity === "DATE" || t.entity === "TIME")) return;
  out.push({ first, last, kind: nameType(tokens, first, last) });
}

// Scale words after an amount belong to it ("$1.13bn", "£600m", "3 billion").
const SCALES = new Set(["million", "billion", "trillion", "thousand"]);
// A short unit glued to its number is part of the amount: "£600m", "6GB", "65mph", "10km".
const GLUED_UNIT = /^[A-Za-z]{1,4}$/;
const CURRENCY = /^[$£€¥]$/;
const YEAR = /^(1[5-9]|20)\d\d$/;

/** An amount's span widened over a glued currency sign before it and a scale word after it. */
function pushAmount(tokens: TaggedToken[], first: number, last: number, kind: CandidateKind, out: Candidate[]): void {
  const before = tokens[first - 1];
  if (before && CURRENCY.test(before.text) && glued(before, tokens[first]!)) {
    first--;
    kind = "money";
  }
  const after = tokens[last + 1];
  if (after && (SCALES.has(after.text.toLowerCase()) || (GLUED_UNIT.test(after.text) && glued(tokens[last]!, after)))) last++;
  out.push({ first, last, kind: kind === "number" && CURRENCY.test(tokens[first]!.text) ? "money" : kind });
}

/** The unit of a hyphenated "26-year-old" or "five-year plan": the tagger types "year" a duration,
 *  but without its number it is no amount; the number before the hyphen is the candidate. */
function unitOfCompound(tokens: TaggedToken[], first: number, last: number): boolean {
  const hyphen = tokens[first - 1];
  const number = tokens[first - 2];
  return (
    !!hyphen &&
    !!number &&
    hyphen.text === "-" &&
    glued(number, hyphen) &&
    glued(hyphen, tokens[first]!) &&
    isNumericToken(number) &&
    !tokens.slice(first, last + 1).some(isNumericToken)
  );
}

function entitySpans(tokens: TaggedToken[], out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    const type = tokens[i]!.entity;
    const kind = type ? ENTITY_KIND[type] : undefined;
    if (!kind) {
      // A bare year or number that the tagger left untyped.
      const t = tokens[i]!;
      if (t.pos === "NUM") {
        if (YEAR.test(t.text)) out.push({ first: i, last: i, kind: "time" });
        else pushAmount(tokens, i, i, "number", out);
      }
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1]!.entity === type) last++;
    if (unitOfCompound(tokens, i, last)) {
      i = last + 1;
      continue;
    }
    if (kind === "money" || kind === "number") pushAmount(tokens, i, last, kind, out);
    else out.push({ first: i, last, kind });
    pushDateParts(tokens, i, last, out);
    i = last + 1;
  }
}

const DASH = /^[-–—]$/;

/** The parts of a longer date or span of dates are candidates too: each year ("what year" asks for
 *  "1884", not "June 1884") and each side of a dash ("10 July 1856 – 7 January 1943": born, died). */
function pushDateParts(tokens: TaggedToken[], first: number, last: number, out: Candidate[]): void {
  const years = tokens.slice(first, last + 1).flatMap((t, k) => (YEAR.test(t.text) ? [first + k] : []));
  if (first === last || years.length === 0) return;
  for (const y of years) out.push({ first: y, last: y, kind: "time" });
  const dashes = tokens.slice(first, last + 1).flatMap((t, k) => (DASH.test(t.text) ? [first + k] : []));
  let from = first;
  for (const end of [...dashes, last + 1]) {
    if (dashes.length && end - 1 > from) out.push({ first: from, last: end - 1, kind: "time" });
    from = end + 1;
  }
}

/** Two numbers joined by a dash, as one: a score ("49–15") or a range ("1870–1939"). */
function numberPairs(tokens: TaggedToken[], out: Candidate[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, dash, b] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (!/^\d/.test(a.text) || !DASH.test(dash.text) || !/^\d/.test(b.text) || !glued(a, dash) || !glued(dash, b)) continue;
    out.push({ first: i, last: i + 2, kind: YEAR.test(a.text) && YEAR.test(b.text) ? "time" : "number" });
  }
}

function nounPhrases(tokens: TaggedToken[], out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!(isNounish(t) || t.pos === "ADJ")) {
      i++;
      continue;
    }
    let last = -1;
    let j = i;
    for (; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (isNounish(u)) last = j;
      else if (u.pos === "ADJ" || (u.text === "-" && glued(tokens[j - 1]!, u))) continue;
      else if (u.text === "of" && last === j - 1 && j + 1 < tokens.length && isNounish(tokens[j + 1]!)) continue;
      else break;
    }
    if (last >= i) out.push({ first: i, last, kind: "noun" });
    i = Math.max(j, i + 1);
  }
}

/** Every candidate span of a tagged sentence (they may overlap; the reader ranks them). */
export function candidateSpans(tokens: TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  properChains(tokens, out);
  entitySpans(tokens, out);
  numberPairs(tokens, out);
  nounPhrases(tokens, out);
  return out;
}
