import type { TaggedToken } from "./tagged-tokens.js";

// Candidate answer spans in a sentence: names, dates, amounts and noun phrases, the kinds of
// constituents SQuAD-style answers are made of.

export type CandidateKind = "proper" | "time" | "number" | "money" | "percent" | "noun";

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

// Small words that join a name's parts: "Bank of England", "Abu al-Qasim", "Commander-in-Chief".
const NAME_JOINERS = new Set(["of", "al", "el", "de", "da", "del", "der", "van", "von", "bin", "ibn", "and", "in", "the", "&"]);

const isCapitalised = (t: TaggedToken) => /^\p{Lu}/u.test(t.text);
const isNounish = (t: TaggedToken) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM";
const glued = (a: TaggedToken, b: TaggedToken) => a.end === b.start;

function properAt(tokens: TaggedToken[], i: number): boolean {
  const t = tokens[i]!;
  return t.pos === "PROPN" || (isCapitalised(t) && i > 0 && (t.pos === "NOUN" || t.pos === "ADJ"));
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
      else if (NAME_JOINERS.has(t.text.toLowerCase()) && j + 1 < tokens.length) continue;
      else break;
    }
    out.push({ first: i, last, kind: "proper" });
    i = last + 1;
  }
}

function entitySpans(tokens: TaggedToken[], out: Candidate[]): void {
  let i = 0;
  while (i < tokens.length) {
    const type = tokens[i]!.entity;
    const kind = type ? ENTITY_KIND[type] : undefined;
    if (!kind) {
      // A bare year or number that the tagger left untyped.
      const t = tokens[i]!;
      if (t.pos === "NUM") out.push({ first: i, last: i, kind: /^(1[5-9]|20)\d\d$/.test(t.text) ? "time" : "number" });
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1]!.entity === type) last++;
    out.push({ first: i, last, kind });
    i = last + 1;
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
  nounPhrases(tokens, out);
  return out;
}
