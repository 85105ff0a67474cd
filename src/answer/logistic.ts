// A logistic model over named features: the form of the relevance and the span-confidence models.
// The names fix the order of the sum, so the trainer's figures and the reader's agree to the bit. Pure.

/** The model's probability, in [0, 1]: the logistic of the features' weighted sum. */
export function logisticOf<N extends string>(
  names: readonly N[],
  weights: Readonly<Record<N, number>>,
  features: Readonly<Record<N, number>>,
): number {
  let z = 0;
  for (const name of names) z += weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
