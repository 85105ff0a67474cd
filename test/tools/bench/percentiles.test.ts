import { describe, expect, it } from "vitest";
import { median, percentile, summarize } from "../../../tools/bench/percentiles.js";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted input

  it.each([
    [0.5, 50],
    [0.95, 95],
    [0.99, 99],
    [1, 100],
    [0, 1],
  ])("p%s of 1…100 is %s", (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it("takes the upper middle value's rank for an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([7])).toBe(7);
  });

  it("rejects an empty list and ranks outside [0, 1]", () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("reports count, p50/p95/p99, mean and max, rounded to 0.01 ms", () => {
    const s = summarize([1, 2, 3, 4, 10.004]);
    expect(s).toEqual({ n: 5, p50_ms: 3, p95_ms: 10, p99_ms: 10, mean_ms: 4, max_ms: 10 });
  });
});
