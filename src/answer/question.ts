import { QuestionError } from "../errors.js";

export const MAX_QUESTION_LENGTH = 500;

/**
 * A question as people type it → plain words. Links and formatting characters carry no meaning
 * for retrieval; empty and over-long questions are refused with a reason. A face strips its own
 * markup (Discord mentions and emoji: discord/question.ts) before asking.
 */
export function normaliseQuestion(raw: string): string {
  const text = raw
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[*_~`|>]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) throw new QuestionError("The question is empty: ask something about the articles.");
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new QuestionError(
      `The question is too long (${text.length} characters; the limit is ${MAX_QUESTION_LENGTH}). Ask one short question.`,
      { length: text.length },
    );
  }
  return text;
}
