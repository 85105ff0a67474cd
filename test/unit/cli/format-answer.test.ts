import { describe, expect, it } from "vitest";
import { answerJson, answerText } from "../../../src/cli/format-answer.js";
import type { Answer } from "../../../src/types.js";

const quote = "The visit, accompanied by Lieutenant General Saddam Haftar, marked a milestone.";
const source = { articleId: "a", title: "Haftar at GHQ", paragraph: 2, passageId: "a#p2", quote, source: null };
const start = quote.indexOf("Lieutenant");
const span = "Lieutenant General Saddam Haftar";

const answer: Answer = {
  kind: "answer",
  question: "who accompanied Haftar?",
  answer: span,
  score: 0.61,
  mode: "lexical",
  citation: { ...source, answerStart: start, answerEnd: start + span.length },
  nearest: [],
};
const passage: Answer = {
  kind: "passage",
  question: "what did the visit mark?",
  answer: quote,
  score: 0.8,
  mode: "lexical",
  citation: source,
  nearest: [],
};
const nearest = [{ articleId: "a", paragraph: 2, passageId: "a#p2", text: quote, score: 1.2 }];
const notFound: Answer = { kind: "not-found", question: "price of tea?", mode: "model", nearest };

describe("the command line's answer formats", () => {
  it("gives every reply kind in the JSON line, with the sentence as the answer of a passage", () => {
    expect(answerJson(answer)).toMatchObject({ kind: "answer", found: true, answer: span, citation: { quote } });
    expect(answerJson(passage)).toMatchObject({ kind: "passage", found: true, answer: quote, citation: { quote, paragraph: 2 } });
    expect(answerJson(notFound)).toMatchObject({ kind: "not-found", found: false, answer: null, citation: null, nearest });
  });

  it("marks the span of an answer, labels a passage and marks nothing in it, lists the nearest when not found", () => {
    expect(answerText(answer)).toMatch(new RegExp(`^${span}\\n`));
    expect(answerText(answer)).toContain(`[${span}]`);
    expect(answerText(passage)).toMatch(
      /^The article says: “The visit, accompanied by Lieutenant General Saddam Haftar, marked a milestone\.”/,
    );
    expect(answerText(passage)).not.toContain("[");
    expect(answerText(passage)).toContain("paragraph 2");
    expect(answerText(notFound)).toMatch(/^Not found in the articles\.\n\nNearest passages:\n {2}- a, paragraph 2: The visit/);
  });
});
