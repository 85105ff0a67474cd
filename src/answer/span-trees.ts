import type { SpanFeatureName, SpanFeatures } from "./span-feature-names.js";

// Boosted regression trees over the span features, added to the linear model's logit: they learn
// the interactions a linear sum cannot (a feature that matters for one question type and not for
// another, a length that is right only next to a match). Trained by `npm run eval -- train-reader`
// on the linear model's residuals (tools/eval/boosted-trees.ts).

/**
 * The trees as flat arrays: node i is a leaf when `feature[i]` is -1 (its output in `value[i]`),
 * otherwise a split on `names[feature[i]]`: at or above `value[i]` goes to `right[i]`, else `left[i]`.
 */
export interface SpanTrees {
  names: readonly SpanFeatureName[];
  roots: readonly number[];
  feature: readonly number[];
  value: readonly number[];
  left: readonly number[];
  right: readonly number[];
}

export const NO_TREES: SpanTrees = { names: [], roots: [], feature: [], value: [], left: [], right: [] };

/** The flat arrays of trees, whatever their features are called. */
export type TreeArrays = Pick<SpanTrees, "roots" | "feature" | "value" | "left" | "right">;

/** The trees' summed output, `valueOf(f)` giving the value of the feature at index f. */
export function treeSum(trees: TreeArrays, valueOf: (feature: number) => number): number {
  let sum = 0;
  for (const root of trees.roots) {
    let node = root;
    while (trees.feature[node]! >= 0) node = valueOf(trees.feature[node]!) >= trees.value[node]! ? trees.right[node]! : trees.left[node]!;
    sum += trees.value[node]!;
  }
  return sum;
}

/** The trees' summed output for one candidate. */
export function treeScore(trees: SpanTrees, features: SpanFeatures): number {
  return treeSum(trees, (f) => features[trees.names[f]!]);
}
