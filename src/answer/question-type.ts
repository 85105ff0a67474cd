// What kind of thing a question asks for, from its wording. Drives candidate typing in the
// lexical reader (the QA model needs none of this).

export type AnswerType = "person" | "time" | "place" | "number" | "money" | "percent" | "thing";

// Up to two words between "what/which" and the noun that names the kind ("which NFL team").
const KIND = (nouns: string) => new RegExp(`^(what|which)\\s+(\\S+\\s+){0,2}?(${nouns})\\b`, "i");

const PATTERNS: Array<[RegExp, AnswerType]> = [
  [/^how\s+much\b.*\b(cost|pay|paid|worth|spend|spent|price|money|dollars?|pounds?|euros?|fund|earn|raise)/i, "money"],
  [KIND("percent|percentage|proportion|share"), "percent"],
  [/^how\s+(many|much|long|old|far|big|large|high|tall|often|fast|deep|wide|heavy)\b/i, "number"],
  [KIND("number|amount|size|age|population|score|rating"), "number"],
  [/^when\b/i, "time"],
  [KIND("year|years|date|day|month|decade|century|time|period|era|season"), "time"],
  [/^where\b/i, "place"],
  [KIND("city|country|countries|state|place|region|town|nation|continent|location|area|island|river|province|county|airport|base|venue|street|stadium"), "place"],
  [/^who(m|se)?\b/i, "person"],
  [KIND("person|man|woman|people|leader|president|general|player|company|companies|organi[sz]ation|team|group|band|author|minister|official|chief|commander|firm|kingdom|empire|university|party"), "person"],
];

const WH = /\b(what|which|who|whom|whose|when|where|how|why)\b/i;

/** Classified from the first question word on ("In 1796, which kingdom …" → which kingdom). */
export function answerTypeOf(question: string): AnswerType {
  const at = WH.exec(question);
  const phrase = at ? question.slice(at.index) : question;
  for (const [pattern, type] of PATTERNS) if (pattern.test(phrase)) return type;
  return "thing";
}
