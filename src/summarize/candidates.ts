import { splitSentences } from "../text/index.js";
import type { Article } from "../types.js";

/** One sentence of an article, as offsets into `article.text`. */
export interface SentenceUnit {
  articleId: string;
  /** 1-based paragraph number. */
  paragraph: number;
  /** 0-based position of the sentence in the whole article. */
  ordinal: number;
  /** 0-based position of the sentence in its paragraph. */
  inParagraph: number;
  start: number;
  end: number;
  text: string;
}

/** Every sentence of an article, paragraph by paragraph, in article order. */
export function articleSentences(article: Article): SentenceUnit[] {
  const out: SentenceUnit[] = [];
  for (const p of article.paragraphs) {
    const ranges = splitSentences(article.text, p.start, p.end);
    ranges.forEach((r, inParagraph) => {
      out.push({
        articleId: article.id,
        paragraph: p.number,
        ordinal: out.length,
        inParagraph,
        start: r.start,
        end: r.end,
        text: article.text.slice(r.start, r.end),
      });
    });
  }
  return out;
}

/** The sentences of one paragraph that overlap [start, end) — a retrieved passage's sentences. */
export function sentencesInRange(article: Article, start: number, end: number): SentenceUnit[] {
  return articleSentences(article).filter((s) => s.end > start && s.start < end);
}
