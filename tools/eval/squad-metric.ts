// The official SQuAD v1.1 metric: normalise (lower case, drop punctuation and a/an/the, fold
// white space), then exact match and token F1, best over the gold answers.

export function normaliseAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, "")
    .replace(/\b(a|an|the)\b/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
}

function f1(prediction: string, gold: string): number {
  const p = normaliseAnswer(prediction).split(" ").filter(Boolean);
  const g = normaliseAnswer(gold).split(" ").filter(Boolean);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export function exactMatchScore(prediction: string, golds: readonly string[]): number {
  return golds.some((g) => normaliseAnswer(prediction) === normaliseAnswer(g)) ? 1 : 0;
}

export function f1Score(prediction: string, golds: readonly string[]): number {
  return Math.max(0, ...golds.map((g) => f1(prediction, g)));
}
