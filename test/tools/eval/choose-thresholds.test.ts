import { describe, expect, it } from "vitest";
import { chooseThresholds, type AnswerableRow, type OffCorpusRow } from "../../../tools/eval/choose-thresholds.js";

const row = (fold: 0 | 1, score: number, spanRight: boolean): AnswerableRow => ({
  fold,
  score,
  relevance: 0.9,
  spanRight,
  sentenceRight: true,
  f1: spanRight ? 1 : 0,
});

describe("chooseThresholds", () => {
  // Every sentence is right, so a passage reply is always right and an answer only when its span is:
  // the most right replies come from the fewest answers the constraint allows.
  const easy = [row(0, 0.9, true), row(0, 0.8, true), row(0, 0.7, false), row(0, 0.6, false)];
  const hard = [row(1, 0.5, true), row(1, 0.4, false), row(1, 0.3, false), row(1, 0.2, false)];
  const off: OffCorpusRow[] = [{ score: 0.1, relevance: 0.1 }];

  it("asks for the share of answers in each fold, not only over both", () => {
    const chosen = chooseThresholds([...easy, ...hard], off, { maxFalse: 0, minAnswers: 0.5 });
    expect(Math.min(...chosen.foldAnswers)).toBeGreaterThanOrEqual(0.5);
    // Pooled, answering the four easy ones would do (half of eight); the hard fold needs two of its own.
    expect(chosen.answer).toBeLessThanOrEqual(0.4);
    expect(chosen.answers).toBeGreaterThan(0.5);
  });

  it("keeps off-corpus replies within the budget", () => {
    const chosen = chooseThresholds([...easy, ...hard], [{ score: 0.95, relevance: 0.5 }], { maxFalse: 0, minAnswers: 0.5 });
    expect(chosen.relevant).toBeGreaterThan(0.5);
    expect(chosen.falseReplies).toBe(0);
  });

  it("says so when no pair meets the constraints", () => {
    expect(() => chooseThresholds(easy, [{ score: 0.95, relevance: 0.95 }], { maxFalse: 0, minAnswers: 0.5 })).toThrow(RangeError);
  });
});
