// Scoring one reply the way a user reads it. Pure.
import type { Answer } from "../../src/types.js";
import { exactMatchScore, f1Score, normaliseAnswer } from "./squad-metric.js";

/** The article ids of the passages a reply shows, first shown first (the cited one, then the nearest). */
export function shownArticles(answer: Answer): string[] {
  const ids = answer.kind === "not-found" ? [] : [answer.citation.articleId];
  for (const n of answer.nearest) ids.push(n.articleId);
  return [...new Set(ids)];
}

/** `gold` as whole words inside `text`, both normalised as the SQuAD metric does. */
export function showsAnswer(text: string, golds: readonly string[]): boolean {
  const shown = ` ${normaliseAnswer(text)} `;
  return golds.some((g) => {
    const n = normaliseAnswer(g);
    return n !== "" && shown.includes(` ${n} `);
  });
}

export interface ReplyScore {
  kind: Answer["kind"];
  /** EM / F1 of what the user is given as the answer (the span, the passage's sentence; 0 when not found). */
  exactMatch: number;
  f1: number;
  /** The reply shows a gold answer: in the bold span, or in the quoted sentence of a passage reply. */
  right: boolean;
  /** The reply's quoted sentence holds a gold answer (for an answer reply, whether or not the span is it). */
  quoted: boolean;
}

export function scoreReply(answer: Answer, golds: readonly string[]): ReplyScore {
  if (answer.kind === "not-found") return { kind: answer.kind, exactMatch: 0, f1: 0, right: false, quoted: false };
  const shown = answer.kind === "answer" ? answer.answer : answer.citation.quote;
  return {
    kind: answer.kind,
    exactMatch: exactMatchScore(answer.answer, golds),
    f1: f1Score(answer.answer, golds),
    right: showsAnswer(shown, golds),
    quoted: showsAnswer(answer.citation.quote, golds),
  };
}
