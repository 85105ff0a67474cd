import { describe, expect, it } from "vitest";
import { poolRows } from "../../../src/models/pooling.js";

// Two rows, width 3, dim 2: row 0 has 2 real tokens, row 1 has 3.
const hidden = Float32Array.from([3, 4, 1, 0, 99, 99, 0, 2, 0, 2, 0, 2]);

describe("poolRows", () => {
  it("takes the first token's state for CLS pooling, at unit length", () => {
    const [a, b] = poolRows(hidden, 2, 3, 2, [2, 3], "cls");
    expect([...a!]).toEqual([0.6, 0.8].map((x) => expect.closeTo(x, 6)));
    expect([...b!]).toEqual([0, 1]);
  });

  it("averages only the real tokens for mean pooling, ignoring padding", () => {
    const [a] = poolRows(hidden, 2, 3, 2, [2, 3], "mean");
    // (3,4) + (1,0) = (4,4) → unit length.
    expect(a![0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(a![1]).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it("leaves a zero state zero instead of dividing by zero", () => {
    const [v] = poolRows(new Float32Array(4), 1, 2, 2, [2], "mean");
    expect([...v!]).toEqual([0, 0]);
  });
});
