import type { Answer } from "../types.js";
import { properNames } from "./names.js";
import type { ConversationTurn, Resolution } from "./turn.js";

/** What is remembered of a reply: its question, answer and citation, with their names found once. */
export function turnOf(
  question: string,
  resolution: Pick<Resolution, "resolvedQuestion" | "subject" | "pronouns">,
  answer: Answer,
  at: number,
): ConversationTurn {
  const { resolvedQuestion } = resolution;
  const found = answer.kind === "not-found" ? undefined : answer;
  // A "passage" reply's answer is its whole sentence: only an answer proper says who or what.
  const text = answer.kind === "answer" ? answer.answer : null;
  const quote = found?.citation.quote ?? null;
  return {
    question,
    resolvedQuestion,
    answer: text,
    articleId: found?.citation.articleId ?? null,
    paragraph: found?.citation.paragraph ?? null,
    quote,
    names: {
      subject: resolution.subject ?? null,
      pronouns: resolution.pronouns ?? {},
      question: properNames(question),
      answer: text ? properNames(text) : [],
      quote: quote ? properNames(quote) : [],
    },
    at,
  };
}
