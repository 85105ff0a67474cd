// The boosted trees the lexical reader adds to its linear logit: how a candidate walks them, and
// that the shipped trees are well formed over the span features.
import { describe, expect, it } from "vitest";
import { SPAN_FEATURE_NAMES, type SpanFeatures } from "../../../src/answer/span-feature-names.js";
import { SPAN_TREES } from "../../../src/answer/span-tree-model.js";
import { NO_TREES, treeScore, type SpanTrees } from "../../../src/answer/span-trees.js";

const features = (values: Partial<SpanFeatures>): SpanFeatures =>
  ({ ...Object.fromEntries(SPAN_FEATURE_NAMES.map((n) => [n, 0])), ...values }) as SpanFeatures;

describe("span trees", () => {
  it("sum, over the trees, the leaf each candidate reaches (at or above a split goes right)", () => {
    // Tree 1 splits on length1 at 0.5; tree 2 is a single leaf.
    const trees: SpanTrees = {
      names: SPAN_FEATURE_NAMES,
      roots: [0, 3],
      feature: [SPAN_FEATURE_NAMES.indexOf("length1"), -1, -1, -1],
      value: [0.5, -0.25, 0.75, 0.1],
      left: [1, -1, -1, -1],
      right: [2, -1, -1, -1],
    };
    expect(treeScore(trees, features({ length1: 1 }))).toBeCloseTo(0.85);
    expect(treeScore(trees, features({ length1: 0.5 }))).toBeCloseTo(0.85);
    expect(treeScore(trees, features({ length1: 0 }))).toBeCloseTo(-0.15);
    expect(treeScore(NO_TREES, features({ length1: 1 }))).toBe(0);
  });

  it("the shipped trees split on span features only and every path ends in a finite leaf", () => {
    const t = SPAN_TREES;
    expect([...t.names]).toEqual([...SPAN_FEATURE_NAMES]);
    expect(t.roots.length).toBeGreaterThan(0);
    for (const array of [t.feature, t.value, t.left, t.right]) expect(array).toHaveLength(t.feature.length);
    t.feature.forEach((f, i) => {
      expect(Number.isFinite(t.value[i]!)).toBe(true);
      if (f < 0) return;
      expect(f).toBeLessThan(t.names.length);
      // Children come after their parent (written depth first), so no path loops.
      expect(t.left[i]!).toBeGreaterThan(i);
      expect(t.right[i]!).toBeGreaterThan(i);
    });
  });
});
