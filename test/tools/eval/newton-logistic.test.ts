import { describe, expect, it } from "vitest";
import { fitLogisticNewton } from "../../../tools/eval/newton-logistic.js";
import { createRandom as seededRandom } from "../../../tools/seeded-random.js";

/** Rows whose label follows a known logistic model of two features (plus the bias). */
function rows(count: number, scale: number) {
  const random = seededRandom(5);
  return Array.from({ length: count }, () => {
    const a = random(),
      b = random();
    const p = 1 / (1 + Math.exp(-(-1 + 3 * a - 2 * b)));
    return { x: Float64Array.of(1, a * scale, b), y: random() < p ? 1 : 0 };
  });
}

const meanGradient = (data: ReturnType<typeof rows>, w: Float64Array, l2: number) =>
  Array.from(w, (_, i) => {
    let g = 0;
    for (const { x, y } of data) g += (1 / (1 + Math.exp(-x.reduce((s, v, k) => s + v * w[k]!, 0))) - y) * x[i]!;
    return g / data.length + (i === 0 ? 0 : l2 * w[i]!);
  });

describe("logistic regression by Newton's method", () => {
  it("recovers the weights the labels were drawn from, with no gradient left", () => {
    const data = rows(20000, 1);
    const w = fitLogisticNewton(data, 3, 0);
    expect(w[0]).toBeCloseTo(-1, 0);
    expect(w[1]).toBeCloseTo(3, 0);
    expect(w[2]).toBeCloseTo(-2, 0);
    for (const g of meanGradient(data, w, 0)) expect(Math.abs(g)).toBeLessThan(1e-8);
  });

  it("gives the same model whatever a feature's scale (gradient descent at a fixed rate does not)", () => {
    const small = fitLogisticNewton(rows(2000, 1), 3, 0);
    const large = fitLogisticNewton(rows(2000, 20), 3, 0);
    expect(large[1]! * 20).toBeCloseTo(small[1]!, 6);
    expect(large[2]).toBeCloseTo(small[2]!, 6);
  });

  it("shrinks the weights, not the bias, under an L2 penalty", () => {
    const data = rows(2000, 1);
    const free = fitLogisticNewton(data, 3, 0);
    const held = fitLogisticNewton(data, 3, 0.1);
    expect(Math.abs(held[1]!)).toBeLessThan(Math.abs(free[1]!));
    for (const g of meanGradient(data, held, 0.1)) expect(Math.abs(g)).toBeLessThan(1e-8);
  });
});
