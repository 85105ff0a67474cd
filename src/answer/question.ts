import { QuestionError } from "../errors.js";

export const MAX_QUESTION_LENGTH = 500;

/**
 * A question as people type it in chat → plain words. Mentions, custom emoji, markup and URLs
 * carry no meaning for retrieval; empty and over-long questions are refused with a reason.
 */
export function normaliseQuestion(raw: string): string {
  const text = raw
    .replace(/<a?:(\w+):\d+>/g, " ")
    .replace(/<[@#][!&]?\d+>/g, " ")
    .replace(/@(everyone|here)\b/g, " ")
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
