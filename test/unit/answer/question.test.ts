import { describe, expect, it } from "vitest";
import { normaliseQuestion, MAX_QUESTION_LENGTH } from "../../../src/answer/question.js";
import { answerTypeOf } from "../../../src/answer/question-type.js";
import { QuestionError } from "../../../src/errors.js";

describe("normaliseQuestion", () => {
  it.each([
    ["", "empty"],
    ["   \n\t ", "empty"],
    ["** `` https://x.y/z", "empty"],
    ["x".repeat(5000), "too long"],
  ])("refuses %j", (raw, why) => {
    expect(() => normaliseQuestion(raw)).toThrow(QuestionError);
    expect(() => normaliseQuestion(raw)).toThrow(why);
  });

  it("strips formatting and links but keeps the words", () => {
    expect(normaliseQuestion("**who** accompanied   Haftar? https://x.y/z")).toBe("who accompanied Haftar?");
  });

  it("accepts a question at the limit", () => {
    expect(normaliseQuestion("a".repeat(MAX_QUESTION_LENGTH))).toHaveLength(MAX_QUESTION_LENGTH);
  });
});

describe("answerTypeOf", () => {
  it.each([
    ["who accompanied Haftar?", "person"],
    ["Which NFL team won?", "person"],
    ["When did he visit Benghazi?", "time"],
    ["In what year was it founded?", "time"],
    ["Where did the delegation arrive?", "place"],
    ["Where was he studying when he started?", "place"],
    ["How many officers took part?", "number"],
    ["How much did the deal cost?", "money"],
    ["What percentage of voters agreed?", "percent"],
    ["What did they discuss?", "thing"],
  ])("%s → %s", (q, type) => {
    expect(answerTypeOf(q)).toBe(type);
  });
});
