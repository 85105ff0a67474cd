// What kind of thing a question asks for, from its wording. Drives candidate typing in the
// lexical reader (the QA model needs none of this).

export type AnswerType = "person" | "time" | "place" | "number" | "money" | "percent" | "thing";

const PATTERNS: Array<[RegExp, AnswerType]> = [
  [/\bhow\s+much\b.*\b(cost|pay|paid|worth|spend|spent|price|money|dollars?|pounds?|euros?|fund|earn|raise)/i, "money"],
  [/\b(what|which)\s+(percent(age)?|proportion|share)\b|\bhow\s+much\s+percent/i, "percent"],
  [/\bhow\s+(many|much|long|old|far|big|large|high|tall|often|fast|deep|wide|heavy)\b/i, "number"],
  [/\bwhat\s+(number|amount|size|age|population|score)\b/i, "number"],
  [/\bwhen\b|\b(what|which)\s+(year|years|date|day|month|decade|century|time|period|era|season)\b/i, "time"],
  [/\bwhere\b|\b(what|which)\s+(city|country|countries|state|place|region|town|nation|continent|location|area|island|river|province|county|airport|base|venue|street)\b/i, "place"],
  [/\bwho(m|se)?\b|\b(what|which)\s+(person|man|woman|people|leader|president|general|player|company|organi[sz]ation|team|group|band|author|minister|official|chief|commander|firm)\b/i, "person"],
];

export function answerTypeOf(question: string): AnswerType {
  for (const [pattern, type] of PATTERNS) if (pattern.test(question)) return type;
  return "thing";
}
