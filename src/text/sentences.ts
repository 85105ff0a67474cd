// Rule-based sentence boundaries with character offsets. Fast and deterministic: every quote,
// passage window and summary sentence is cut on these.

export interface Range {
  start: number;
  end: number;
}

// Words that end with a period without ending a sentence (lower-cased, without the period).
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "sr",
  "jr",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "cpl",
  "sgt",
  "adm",
  "cmdr",
  "gov",
  "sen",
  "rep",
  "rev",
  "hon",
  "pres",
  "supt",
  "insp",
  "det",
  "no",
  "nos",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "plc",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
  "approx",
  "dept",
  "est",
  "fig",
  "al",
  "ft",
  "mt",
  "ave",
  "blvd",
  "e.g",
  "i.e",
  "u.s",
  "u.k",
  "u.n",
  "a.m",
  "p.m",
]);

const CLOSERS = "\"'”’)]";
const OPENERS = "\"'“‘([";

function isUpperOrDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{Lu}\p{N}]/u.test(ch);
}

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}\p{N}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, dot);
}

function isBoundary(text: string, end: number, next: number): boolean {
  const mark = text[end - 1];
  let p = end - 1;
  while (p > 0 && CLOSERS.includes(text[p]!)) p--;
  const punct = text[p];
  if (punct !== "." && punct !== "!" && punct !== "?") return false;
  let q = next;
  while (q < text.length && OPENERS.includes(text[q]!)) q++;
  if (!isUpperOrDigit(text[q])) return false;
  if (punct === "." && mark === ".") {
    const word = wordBefore(text, p);
    if (ABBREVIATIONS.has(word.toLowerCase())) return false;
    // An initial ("J. K. Rowling") or an acronym with inner dots ("U.S.") continues the sentence.
    if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return false;
  }
  return true;
}

/** Sentence ranges inside text[from, to), trimmed of surrounding white space. */
export function splitSentences(text: string, from = 0, to = text.length): Range[] {
  const ranges: Range[] = [];
  let start = from;
  const re = /[.!?]["'”’)\]]*(\s+)/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = m.index + m[0].length - m[1]!.length;
    const next = m.index + m[0].length;
    if (next > to) break;
    if (isBoundary(text, end, next)) {
      pushTrimmed(text, start, end, ranges);
      start = next;
    }
  }
  pushTrimmed(text, start, to, ranges);
  return ranges;
}

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
