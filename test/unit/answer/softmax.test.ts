import { describe, expect, it } from "vitest";
import { softmax } from "../../../src/answer/softmax.js";

describe("softmax", () => {
  it("gives probabilities in the logits' order that sum to 1", () => {
    const p = softmax([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
  });

  it("does not overflow on large logits", () => {
    const p = softmax([1000, 1000]);
    expect(p).toEqual([0.5, 0.5]);
  });
});
