// Logistic regression by Newton's method (iteratively reweighted least squares), for features on
// very different scales (log probabilities reach −14 beside shares in [0, 1]), where plain gradient
// descent at a fixed rate overshoots. A few dozen features at most: each step solves a d×d system. Pure.

/** Solves A x = b by Gaussian elimination with partial pivoting; A is d×d, row-major, and is overwritten. */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const d = b.length;
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = col + 1; r < d; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < d; c++) a[r]![c] = a[r]![c]! - f * a[col]![c]!;
      b[r] = b[r]! - f * b[col]!;
    }
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < d; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/**
 * Weights minimising the mean log loss plus `l2`/2 × the squared weights (not the bias, feature 0),
 * by Newton steps until they move less than 1e-9.
 */
export function fitLogisticNewton(
  rows: ReadonlyArray<{ x: Float64Array; y: number }>,
  features: number,
  l2 = 1e-3,
  steps = 50,
): Float64Array {
  const w = new Float64Array(features);
  const n = Math.max(1, rows.length);
  for (let step = 0; step < steps; step++) {
    const grad = new Float64Array(features);
    const hessian = Array.from({ length: features }, () => new Float64Array(features));
    for (const { x, y } of rows) {
      let z = 0;
      for (let i = 0; i < features; i++) z += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) / n;
      const h = (p * (1 - p)) / n;
      for (let i = 0; i < features; i++) {
        grad[i] = grad[i]! + g * x[i]!;
        for (let j = 0; j < features; j++) hessian[i]![j] = hessian[i]![j]! + h * x[i]! * x[j]!;
      }
    }
    for (let i = 1; i < features; i++) {
      grad[i] = grad[i]! + l2 * w[i]!;
      hessian[i]![i] = hessian[i]![i]! + l2;
    }
    // A tiny ridge on the bias too, so a feature constant over the rows cannot make the system singular.
    hessian[0]![0] = hessian[0]![0]! + 1e-9;
    const move = solve(hessian, grad);
    let largest = 0;
    for (let i = 0; i < features; i++) {
      w[i] = w[i]! - move[i]!;
      largest = Math.max(largest, Math.abs(move[i]!));
    }
    if (largest < 1e-9) break;
  }
  return w;
}
