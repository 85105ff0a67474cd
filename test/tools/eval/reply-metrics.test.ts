import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/types.js";
import { scoreReply, shownArticles, showsAnswer } from "../../../tools/eval/reply-metrics.js";

const quote = "The visit was accompanied by Lieutenant General Saddam Haftar on Monday.";
const cite = { articleId: "a", title: "T", paragraph: 1, passageId: "a#p1", quote, source: null };
const nearest = (ids: string[]) => ids.map((id) => ({ articleId: id, paragraph: 1, passageId: `${id}#p1`, text: "x", score: 1 }));
const start = quote.indexOf("Saddam");

const answer = (span: string): Answer => ({
  kind: "answer",
  question: "who?",
  answer: span,
  score: 0.5,
  mode: "lexical",
  citation: { ...cite, answerStart: start, answerEnd: start + span.length },
  nearest: nearest(["b", "a"]),
});
const passage: Answer = {
  kind: "passage",
  question: "who?",
  answer: quote,
  score: 0.7,
  mode: "lexical",
  citation: cite,
  nearest: nearest(["c"]),
};
const notFound: Answer = { kind: "not-found", question: "who?", mode: "lexical", nearest: nearest(["d", "e"]) };

describe("scoring a reply as a user reads it", () => {
  it("counts whole normalised words only", () => {
    expect(showsAnswer("Saddam Haftar on Monday", ["the Monday"])).toBe(true);
    expect(showsAnswer("Saddam Haftar on Mondays", ["Monday"])).toBe(false);
    expect(showsAnswer("anything", [""])).toBe(false);
  });

  it("is right when the bold span shows a gold answer, and scores EM/F1 on the span", () => {
    expect(scoreReply(answer("Saddam Haftar"), ["Saddam Haftar"])).toEqual({
      kind: "answer",
      exactMatch: 1,
      f1: 1,
      right: true,
      quoted: true,
    });
    const wrong = scoreReply(answer("Haftar"), ["Monday"]);
    expect(wrong).toMatchObject({ right: false, quoted: true, exactMatch: 0, f1: 0 });
  });

  it("is right when a passage reply's sentence holds the answer; EM/F1 are on the sentence", () => {
    const s = scoreReply(passage, ["Monday"]);
    expect(s).toMatchObject({ kind: "passage", right: true, exactMatch: 0 });
    expect(s.f1).toBeGreaterThan(0);
    expect(s.f1).toBeLessThan(0.5);
  });

  it("gives not found nothing, and lists the passages shown with the cited one first", () => {
    expect(scoreReply(notFound, ["Monday"])).toEqual({ kind: "not-found", exactMatch: 0, f1: 0, right: false, quoted: false });
    expect(shownArticles(answer("Saddam Haftar"))).toEqual(["a", "b"]);
    expect(shownArticles(passage)).toEqual(["a", "c"]);
    expect(shownArticles(notFound)).toEqual(["d", "e"]);
  });
});
