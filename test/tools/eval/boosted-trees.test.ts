// The span ranker's boosted trees: they learn an interaction a linear sum cannot, and the split
// thresholds fall between observed values (so six significant digits in the source keep every split).
import { describe, expect, it } from "vitest";
import { boostTrees, flatScore, type BoostList } from "../../../tools/eval/boosted-trees.js";
import { createRandom as seededRandom } from "../../../tools/seeded-random.js";

/** Lists of four items; the one to pick is the only one whose two features differ (an XOR). */
function xorLists(count: number, random: () => number): BoostList[] {
  return Array.from({ length: count }, () => {
    const pick = Math.floor(random() * 4);
    const items = Array.from({ length: 4 }, (_, j) => {
      const a = random() < 0.5 ? 1 : 0;
      const b = j === pick ? 1 - a : a;
      return Float64Array.of(a, b, random());
    });
    return { items, best: [pick], base: [0, 0, 0, 0] };
  });
}

const picked = (lists: BoostList[], score: (x: Float64Array) => number) =>
  lists.filter((l) => {
    const scores = l.items.map(score);
    return scores.indexOf(Math.max(...scores)) === l.best[0];
  }).length / lists.length;

describe("boosted trees for a listwise softmax", () => {
  it("learn an interaction of two features (XOR) that no linear weights can, from the base logits on", () => {
    const random = seededRandom(11);
    const trees = boostTrees(xorLists(400, random), 3, { rounds: 30, depth: 2, rate: 0.3, lambda: 1 });
    const fresh = xorLists(200, random);
    expect(picked(fresh, (x) => flatScore(trees, x))).toBeGreaterThan(0.95);
    // Any linear score of (a, b) ranks the XOR item first only by chance.
    expect(picked(fresh, (x) => x[0]! - x[1]!)).toBeLessThan(0.7);
  });

  it("splits midway between two values seen in training, never on a value itself", () => {
    const random = seededRandom(5);
    const lists = xorLists(200, random);
    const seen = new Set(lists.flatMap((l) => l.items.flatMap((x) => [...x])));
    const trees = boostTrees(lists, 3, { rounds: 10, depth: 3, rate: 0.3, lambda: 1 });
    const splits = trees.value.filter((_, i) => trees.feature[i]! >= 0);
    expect(splits.length).toBeGreaterThan(0);
    for (const t of splits) expect(seen.has(t)).toBe(false);
  });
});
