// A fixed, general question set for a corpus with no gold questions (BBC, the seed folder): each
// title turned into a question by a deterministic rule, cycling through the question types the
// readers handle (what, who, when, where). For latency only: these questions measure how long an
// answer takes, not whether it is right. Pure.

const RULES: ReadonlyArray<(title: string) => string> = [
  (t) => `What happened: ${t}?`,
  (t) => `Who was involved in ${t}?`,
  (t) => `When did ${t} happen?`,
  (t) => `Where did ${t} take place?`,
];

/** `count` questions, cycling over the titles (in order) and the rules. */
export function titleQuestions(titles: readonly string[], count: number): string[] {
  const usable = titles.map((t) => t.trim().replace(/[.?!:;]+$/, "")).filter(Boolean);
  if (usable.length === 0) throw new RangeError("no titles to make questions from");
  return Array.from({ length: count }, (_, i) => RULES[i % RULES.length]!(usable[i % usable.length]!));
}
