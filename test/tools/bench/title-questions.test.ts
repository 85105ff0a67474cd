import { describe, expect, it } from "vitest";
import { titleQuestions } from "../../../tools/bench/title-questions.js";

describe("title questions", () => {
  it("cycles the what/who/when/where rules over the titles", () => {
    expect(titleQuestions(["Ad sales boost Time Warner profit", "Dollar gains on Greenspan speech."], 5)).toEqual([
      "What happened: Ad sales boost Time Warner profit?",
      "Who was involved in Dollar gains on Greenspan speech?",
      "When did Ad sales boost Time Warner profit happen?",
      "Where did Dollar gains on Greenspan speech take place?",
      "What happened: Ad sales boost Time Warner profit?",
    ]);
  });

  it("needs at least one title", () => {
    expect(() => titleQuestions(["  "], 3)).toThrow(RangeError);
  });
});
