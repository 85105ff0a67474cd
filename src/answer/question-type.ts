// What kind of thing a question asks for, from its wording. Drives candidate typing in the
// lexical reader (the QA model needs none of this).

export type AnswerType = "person" | "time" | "place" | "number" | "money" | "percent" | "named" | "thing";

// Up to two words between "what/which" and the noun that names the kind ("which NFL team"), but
// not a verb: in "what did Luther say" the kind is not named, and "Luther" is no agent noun.
const SKIP = "(?:(?!(?:is|was|are|were|did|does|do|has|have|had|can|could|would|will|should)\\b)\\S+\\s+){0,2}?";
const KIND = (nouns: string) => new RegExp(`^(what|which)\\s+${SKIP}(${nouns})\\b`, "i");

const PATTERNS: Array<[RegExp, AnswerType]> = [
  // "What type of teacher …" asks for a kind ("assertive"), not for a teacher.
  [/^(what|which)\s+(kinds?|types?|sorts?|forms?|styles?)\s+of\b/i, "thing"],
  [/^how\s+much\b.*\b(cost|pay|paid|worth|spend|spent|price|money|dollars?|pounds?|euros?|fund|earn|raise)/i, "money"],
  [KIND("percent|percentage|proportion|share"), "percent"],
  [/^how\s+(many|much|long|old|far|big|large|high|tall|often|fast|deep|wide|heavy)\b/i, "number"],
  [KIND("number|amount|size|age|population|score|rating|average|total|frequency|length|distance|weight|height|temperature"), "number"],
  [/^when\b/i, "time"],
  [KIND("year|years|date|day|month|decade|century|time|period|era|season"), "time"],
  [/^where\b/i, "place"],
  [
    KIND(
      "city|country|countries|state|place|region|town|nation|continent|location|area|island|river|province|county|airport|base|venue|street|stadium",
    ),
    "place",
  ],
  [/^who(m|se)?\b/i, "person"],
  [
    KIND(
      "person|man|woman|people|leader|president|general|player|company|companies|organi[sz]ation|team|group|band|author|minister|official|chief|commander|firm|kingdom|empire|university|party|star",
    ),
    "person",
  ],
  // Agent nouns name people and firms: "what Panther defender", "which car manufacturer".
  [
    new RegExp(
      `^(what|which)\\s+${SKIP}(?!(another|others?|whether|either|neither|however|number|water|order|power|matter|river|center|centre|letter|other|paper|layer|border|sector|factor|color|colour|error|floor|door|minor|major|poster|computer|chapter|meter|metre|quarter|winter|summer|weather|answer|cancer|corridor|vector|motor|theater|theatre|character|fiber|fibre|oyster|filter|tower|super)s?\\b)[a-z]+(er|or|ist|ian)s?\\b`,
      "i",
    ),
    "person",
  ],
  // "What/which <kind>" (not "what is/did …") asks for a named thing: a film, a show, a fund.
  [
    /^(what|which)\s+(?!(is|was|are|were|did|does|do|has|have|had|can|could|would|will|should|may|might|if|about|else|kind|type|sort)\b)[a-z]+\b/i,
    "named",
  ],
];

const WH = /\b(what|which|who|whom|whose|when|where|how|why)\b/i;

/** Classified from the first question word on ("In 1796, which kingdom …" → which kingdom). */
export function answerTypeOf(question: string): AnswerType {
  const at = WH.exec(question);
  const phrase = at ? question.slice(at.index) : question;
  for (const [pattern, type] of PATTERNS) if (pattern.test(phrase)) return type;
  return "thing";
}
