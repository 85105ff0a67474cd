// The reply-kind thresholds from readings whose truth is known: the pair that shows the most gold
// answers while at most `maxFalse` of the off-corpus questions get an answer or a passage, and at
// least `minAnswers` of the answerable get an answer in each of the two folds of training articles
// (articles differ in how hard they are: a share met only on average falls short on harder ones).
// Pure.
import { replyKind, type ReplyThresholds } from "../../src/answer/reply-kind.js";

/** An answerable question's best span as read: its scores and whether it shows a gold answer. */
export interface AnswerableRow {
  fold: 0 | 1;
  score: number;
  relevance: number;
  spanRight: boolean;
  sentenceRight: boolean;
  f1: number;
}

/** An off-corpus question's best span: any reply to it is false. */
export interface OffCorpusRow {
  score: number;
  relevance: number;
}

export interface ChosenThresholds extends ReplyThresholds {
  right: number;
  answers: number;
  /** The share of answers in each fold of the training articles (what `minAnswers` bounds). */
  foldAnswers: [number, number];
  answerF1: number;
  falseReplies: number;
  falseAnswers: number;
}

export function chooseThresholds(
  rows: readonly AnswerableRow[],
  off: readonly OffCorpusRow[],
  limits: { maxFalse: number; minAnswers: number },
): ChosenThresholds {
  // The answer threshold runs over the answerable spans' own scores (their quantiles), so the grid
  // is as fine where the scores crowd as where they spread.
  const scores = rows.map((r) => r.score).sort((a, b) => a - b);
  const grid = [
    ...new Set(Array.from({ length: 401 }, (_, i) => scores[Math.min(scores.length - 1, Math.floor((i * scores.length) / 400))]!)),
  ];
  // Relevance is a probability (relevance.ts): a finer grid.
  const relevanceGrid = Array.from({ length: 201 }, (_, i) => i / 200);
  const foldSizes = [0, 1].map((f) => rows.filter((r) => r.fold === f).length || 1);
  let chosen: ChosenThresholds | undefined;
  for (const relevant of relevanceGrid)
    for (const answer of grid) {
      const t = { answer, relevant };
      let right = 0,
        answers = 0,
        f1 = 0;
      const foldAnswers: [number, number] = [0, 0];
      for (const r of rows) {
        const kind = replyKind(r.score, r.relevance, t);
        if (kind === "answer") {
          answers += 1;
          foldAnswers[r.fold]++;
          f1 += r.f1;
          if (r.spanRight) right++;
        } else if (kind === "passage" && r.sentenceRight) right++;
      }
      let falseReplies = 0,
        falseAnswers = 0;
      for (const r of off) {
        const kind = replyKind(r.score, r.relevance, t);
        if (kind !== "not-found") falseReplies++;
        if (kind === "answer") falseAnswers++;
      }
      const c: ChosenThresholds = {
        ...t,
        right: right / rows.length,
        answers: answers / rows.length,
        foldAnswers: [foldAnswers[0] / foldSizes[0]!, foldAnswers[1] / foldSizes[1]!],
        answerF1: (100 * f1) / (answers || 1),
        falseReplies: falseReplies / off.length,
        falseAnswers: falseAnswers / off.length,
      };
      if (c.falseReplies > limits.maxFalse || Math.min(...c.foldAnswers) < limits.minAnswers) continue;
      // Most right replies; among equals, the better answers.
      if (!chosen || c.right > chosen.right + 1e-9 || (Math.abs(c.right - chosen.right) < 1e-9 && c.answerF1 > chosen.answerF1)) chosen = c;
    }
  if (!chosen) throw new RangeError("no thresholds meet the constraints");
  return chosen;
}
