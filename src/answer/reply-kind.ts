import type { AnswerKind } from "../types.js";

// Which of the three replies a question gets, from two numbers: how sure the reader is of its span,
// and how much of the question the span's sentence says. Pure.

export interface ReplyThresholds {
  /** A span scoring at least this is an `answer` (bold inside its sentence). */
  answer: number;
  /** A sentence covering at least this share of the question's weight is relevant: below it the
   *  reply is `not-found`, at or above it (without a confident span) a `passage`. */
  relevant: number;
}

export function replyKind(spanScore: number, relevance: number, thresholds: ReplyThresholds): AnswerKind {
  if (relevance < thresholds.relevant) return "not-found";
  return spanScore >= thresholds.answer ? "answer" : "passage";
}
