import { describe, expect, it } from "vitest";
import { seededSample } from "../../../tools/bench/seeded-sample.js";

describe("seeded sample", () => {
  const items = Array.from({ length: 1000 }, (_, i) => i);

  it("gives the same picks for the same seed and different ones for another", () => {
    expect(seededSample(items, 20, 1)).toEqual(seededSample(items, 20, 1));
    expect(seededSample(items, 20, 1)).not.toEqual(seededSample(items, 20, 2));
  });

  it("draws without replacement and never more than there are", () => {
    expect(new Set(seededSample(items, 200, 3)).size).toBe(200);
    expect(seededSample([1, 2, 3], 10, 3).sort()).toEqual([1, 2, 3]);
  });
});
