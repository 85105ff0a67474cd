// What shape of answer a question asks for, where the shape is plain to see in text: a year or
// other time ("when", "what year") or a number ("how many", "what percentage"). Retrieval prefers
// a passage whose best sentence has that shape; the reader's finer answer types live in src/answer.

export type AnswerShape = "time" | "number";

const WANTS_TIME = /\b(when|what (year|century|decade)|which (year|century|decade))\b/i;
const WANTS_NUMBER = /\bhow (many|much|long|old|far|large|big)\b|\bwhat (percentage|number|amount)\b/i;
const HAS_TIME = /\b(1\d{3}|20\d{2})s?\b|\bcentury\b/i;
const HAS_NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen)\b/i;

export function answerShape(question: string): AnswerShape | undefined {
  if (WANTS_TIME.test(question)) return "time";
  if (WANTS_NUMBER.test(question)) return "number";
  return undefined;
}

/** Whether a sentence holds something of the shape (a year for time, any number for number). */
export function hasShape(sentence: string, shape: AnswerShape): boolean {
  return (shape === "time" ? HAS_TIME : HAS_NUMBER).test(sentence);
}
