// The softmax the sentence ranker and the span ranker turn one question's logits into
// probabilities with, shifted by the largest logit so that no exponent overflows. Pure.

/** Probabilities in the order of the logits, summing to 1. */
export function softmax(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}
