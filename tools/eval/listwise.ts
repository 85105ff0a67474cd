// Listwise logistic regression: a softmax over each list's items, trained (Adam, L2) towards the
// items marked best. The span and sentence rankers of the lexical reader are trained with it.

export interface ListExample {
  /** Each item's features as a vector, in the model's feature order. */
  items: Float64Array[];
  /** Indices of the items to push up. */
  best: number[];
}

export function dotVector(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  return s;
}

/** Weights for `features` features after `epochs` passes over the examples, in order. */
export function trainListwise(examples: readonly ListExample[], features: number, epochs: number, l2: number, rate = 0.01): Float64Array {
  const w = new Float64Array(features);
  const m = new Float64Array(features);
  const v = new Float64Array(features);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const ex of examples) {
      const logits = ex.items.map((c) => dotVector(w, c));
      const max = Math.max(...logits);
      const p = logits.map((l) => Math.exp(l - max));
      const z = p.reduce((a, b) => a + b, 0);
      const zBest = ex.best.reduce((s, i) => s + p[i]!, 0);
      const grad = new Float64Array(features);
      ex.items.forEach((c, j) => {
        // d(-log Σbest p)/dlogit_j = p_j/Z − [j ∈ best]·p_j/Zbest
        const g = p[j]! / z - (ex.best.includes(j) ? p[j]! / zBest : 0);
        for (let i = 0; i < features; i++) grad[i] = grad[i]! + g * c[i]!;
      });
      step++;
      for (let i = 0; i < features; i++) {
        const g = grad[i]! + l2 * w[i]!;
        m[i] = 0.9 * m[i]! + 0.1 * g;
        v[i] = 0.999 * v[i]! + 0.001 * g * g;
        w[i] = w[i]! - (rate * (m[i]! / (1 - 0.9 ** step))) / (Math.sqrt(v[i]! / (1 - 0.999 ** step)) + 1e-8);
      }
    }
  }
  return w;
}
