// Unigram Viterbi segmentation of a lower-case letter string into common words (after
// wordninja), with penalties that keep it from cutting names and rare words into fragments.
import type { Lexicon } from "./lexicon.js";

/** Two-letter pieces common enough to stand alone in glued text. */
const SHORT_WORDS = new Set([
  "am",
  "an",
  "as",
  "at",
  "be",
  "by",
  "do",
  "go",
  "he",
  "if",
  "in",
  "is",
  "it",
  "me",
  "my",
  "no",
  "of",
  "on",
  "or",
  "so",
  "to",
  "up",
  "us",
  "we",
]);

export interface SegmentOptions {
  /** Pieces of three or more letters must cost at most this: any wordninja entry, or a word
   * seen about 15 times or more in SUBTLEX. */
  maxPieceCost: number;
  /** Added per piece: more pieces need more evidence. */
  piecePenalty: number;
  /** Added per piece costing more than `rareCost`, times the excess: rare pieces are suspect. */
  rareCost: number;
  rareWeight: number;
  /** Added to the single-letter piece "a". */
  articlePenalty: number;
}

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = {
  maxPieceCost: 15,
  piecePenalty: 1,
  rareCost: 11,
  rareWeight: 0.5,
  articlePenalty: 1.5,
};

export interface Segmentation {
  pieces: string[];
  cost: number;
}

const MAX_WORD = 24;

function pieceCost(lexicon: Lexicon, piece: string, o: SegmentOptions): number {
  if (piece.length === 1) return piece === "a" ? lexicon.cost("a") + o.articlePenalty : Infinity;
  if (piece.length === 2 && !SHORT_WORDS.has(piece)) return Infinity;
  const c = lexicon.cost(piece);
  if (piece.length > 2 && c > o.maxPieceCost) return Infinity;
  return c + o.piecePenalty + Math.max(0, c - o.rareCost) * o.rareWeight;
}

/** The cheapest split of `text` (lower-case letters) into 2..maxPieces allowed pieces, or null. */
export function segment(lexicon: Lexicon, text: string, maxPieces = 2, o: SegmentOptions = DEFAULT_SEGMENT_OPTIONS): Segmentation | null {
  const n = text.length;
  // best[k][i]: cheapest cover of text[0, i) by k pieces; from[k][i]: where its last piece starts.
  const best = Array.from({ length: maxPieces + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const from = Array.from({ length: maxPieces + 1 }, () => new Int32Array(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= maxPieces; k++) {
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
        const prev = best[k - 1]![start]!;
        if (prev === Infinity) continue;
        const c = prev + pieceCost(lexicon, text.slice(start, end), o);
        if (c < best[k]![end]!) {
          best[k]![end] = c;
          from[k]![end] = start;
        }
      }
    }
  }
  let k = 0;
  for (let j = 2; j <= maxPieces; j++) if (best[j]![n]! < (k ? best[k]![n]! : Infinity)) k = j;
  if (k === 0) return null;
  const cost = best[k]![n]!;
  const pieces: string[] = [];
  for (let end = n; k > 0; k--) {
    const start = from[k]![end]!;
    pieces.unshift(text.slice(start, end));
    end = start;
  }
  return { pieces, cost };
}
