import type { Article, Passage } from "../types.js";
import { splitSentences, type Range } from "../text/index.js";

export interface ChunkOptions {
  /** Window size in estimated word pieces (a sentence-embedding model reads up to 512). */
  maxPieces: number;
  /** How many pieces of the previous window's tail to repeat when a paragraph is cut. */
  overlapPieces: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxPieces: 200, overlapPieces: 50 };

/** Word pieces a WordPiece tokenizer would make, estimated: words, punctuation, long words twice. */
export function estimatePieces(text: string): number {
  let pieces = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) pieces += m[0].length > 8 ? 2 : 1;
  return pieces;
}

function windows(sentences: Range[], sizes: number[], options: ChunkOptions): Range[] {
  const out: Range[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    let total = sizes[first]!;
    while (last + 1 < sentences.length && total + sizes[last + 1]! <= options.maxPieces) total += sizes[++last]!;
    out.push({ start: sentences[first]!.start, end: sentences[last]!.end });
    if (last + 1 >= sentences.length) break;
    // Step back over whole sentences that fit in the overlap, always moving forward.
    let next = last + 1;
    let overlap = 0;
    while (next - 1 > first && overlap + sizes[next - 1]! <= options.overlapPieces) overlap += sizes[--next]!;
    first = next;
  }
  return out;
}

/** Paragraph-aware, sentence-bounded passages with stable ids and offsets into the article text. */
export function chunkArticle(article: Article, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  const passages: Passage[] = [];
  for (const paragraph of article.paragraphs) {
    const sentences = splitSentences(article.text, paragraph.start, paragraph.end);
    const sizes = sentences.map((s) => estimatePieces(article.text.slice(s.start, s.end)));
    const ranges = windows(sentences, sizes, options);
    ranges.forEach((range, i) => {
      const suffix = ranges.length > 1 ? `.${i + 1}` : "";
      passages.push({
        id: `${article.id}#p${paragraph.number}${suffix}`,
        articleId: article.id,
        title: article.title,
        paragraph: paragraph.number,
        start: range.start,
        end: range.end,
        text: article.text.slice(range.start, range.end),
      });
    });
  }
  return passages;
}
