import { splitSentences } from "../text/index.js";
import type { Citation, Nearest, Passage, ScoredPassage } from "../types.js";

/** The sentence(s) of `passage` holding [start, end), with the answer's place inside them. */
export function cite(passage: Passage, start: number, end: number, source: string | undefined): Citation {
  const sentences = splitSentences(passage.text);
  const first = sentences.find((s) => s.end > start) ?? { start: 0, end: passage.text.length };
  const last = [...sentences].reverse().find((s) => s.start < end) ?? first;
  const quoteStart = Math.min(first.start, start);
  const quoteEnd = Math.max(last.end, end);
  return {
    articleId: passage.articleId,
    title: passage.title,
    paragraph: passage.paragraph,
    passageId: passage.id,
    quote: passage.text.slice(quoteStart, quoteEnd),
    answerStart: start - quoteStart,
    answerEnd: end - quoteStart,
    source: source ?? null,
  };
}

export function nearestOf(hits: readonly ScoredPassage[], count: number): Nearest[] {
  return hits.slice(0, count).map(({ passage, score }) => ({
    articleId: passage.articleId,
    paragraph: passage.paragraph,
    passageId: passage.id,
    text: passage.text,
    score: Math.round(score * 1000) / 1000,
  }));
}
