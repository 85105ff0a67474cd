import { describe, expect, it } from "vitest";
import { questionCoverage } from "../../../src/answer/relevance.js";
import { replyKind } from "../../../src/answer/reply-kind.js";

const T = { answer: 0.4, relevant: 0.5 };

describe("replyKind", () => {
  it.each([
    [0.9, 0.9, "answer"],
    [0.4, 0.5, "answer"],
    [0.39, 0.9, "passage"],
    [0, 0.5, "passage"],
    [0.9, 0.49, "not-found"],
    [0, 0, "not-found"],
  ] as const)("span %s, relevance %s → %s", (span, relevance, kind) => {
    expect(replyKind(span, relevance, T)).toBe(kind);
  });
});

describe("questionCoverage", () => {
  const idf = (t: string) => ({ haftar: 5, visit: 2, pakistan: 3 })[t] ?? 1;

  it("is the share of the question's idf weight the text says", () => {
    expect(questionCoverage("Why did Haftar visit Pakistan?", "Haftar went to Pakistan.", idf)).toBeCloseTo(8 / 10);
    expect(questionCoverage("Why did Haftar visit Pakistan?", "Haftar visited Pakistan.", idf)).toBe(1);
  });

  it("is 0 for a text that says none of it, and for a question of stop words only", () => {
    expect(questionCoverage("Why did Haftar visit Pakistan?", "Tea prices rose.", idf)).toBe(0);
    expect(questionCoverage("what is it?", "It is what it is.", idf)).toBe(0);
  });
});
