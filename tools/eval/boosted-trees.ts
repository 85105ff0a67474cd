// Gradient-boosted regression trees for a listwise softmax (each list's items compete, as in
// trainListwise), fitted on top of fixed base logits (the linear model's): each round fits one tree
// of the given depth to the loss's gradient and Newton step, over features binned at quantiles.
// The split thresholds are midpoints between two observed values, so the trees read the same
// whatever rounding the written source applies.

import { treeSum } from "../../src/answer/span-trees.js";

export interface BoostOptions {
  rounds: number;
  depth: number;
  /** Shrinkage of each tree's output. */
  rate: number;
  /** L2 penalty on a leaf's output. */
  lambda: number;
  /** Candidate thresholds per feature. */
  bins?: number;
}

export interface BoostList {
  items: Float64Array[];
  /** Indices of the items to push up. */
  best: number[];
  /** The base model's logit of each item. */
  base: number[];
}

/** Flat trees over feature indices (see SpanTrees in src/answer/span-trees.ts). */
export interface FlatTrees {
  roots: number[];
  feature: number[];
  value: number[];
  left: number[];
  right: number[];
}

const MIN_HESSIAN = 1;
const MIN_ROWS = 20;

/** Quantile thresholds of one feature: midpoints between neighbouring distinct values. */
function thresholds(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  const out: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)]!;
    const at = distinct.indexOf(v);
    if (at <= 0) continue;
    const mid = (distinct[at - 1]! + v) / 2;
    if (!out.length || mid > out[out.length - 1]!) out.push(mid);
  }
  return out;
}

/** The trees' summed output for one item (its features as a vector). */
export function flatScore(trees: FlatTrees, x: Float64Array): number {
  return treeSum(trees, (f) => x[f]!);
}

export function boostTrees(lists: readonly BoostList[], features: number, options: BoostOptions): FlatTrees {
  const bins = options.bins ?? 32;
  const rows: Float64Array[] = [];
  const target: number[] = [];
  const starts: number[] = [];
  const score: number[] = [];
  for (const list of lists) {
    starts.push(rows.length);
    list.items.forEach((x, j) => {
      rows.push(x);
      target.push(list.best.includes(j) ? 1 / list.best.length : 0);
      score.push(list.base[j]!);
    });
  }
  starts.push(rows.length);
  const n = rows.length;
  const edges = Array.from({ length: features }, (_, f) =>
    thresholds(
      rows.map((r) => r[f]!),
      bins,
    ),
  );
  // Each row's bin per feature: the number of thresholds at or below its value.
  const binOf = edges.map((e, f) =>
    Uint8Array.from(rows, (r) => {
      let b = 0;
      while (b < e.length && r[f]! >= e[b]!) b++;
      return b;
    }),
  );
  const trees: FlatTrees = { roots: [], feature: [], value: [], left: [], right: [] };
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);

  const addNode = (feature: number, value: number): number => {
    trees.feature.push(feature);
    trees.value.push(value);
    trees.left.push(-1);
    trees.right.push(-1);
    return trees.feature.length - 1;
  };

  const grow = (rowsHere: number[], depth: number): number => {
    let g = 0,
      h = 0;
    for (const r of rowsHere) {
      g += grad[r]!;
      h += hess[r]!;
    }
    const leaf = () => addNode(-1, (-g / (h + options.lambda)) * options.rate);
    if (depth === 0 || rowsHere.length < MIN_ROWS) return leaf();
    const parent = (g * g) / (h + options.lambda);
    let best = { gain: 0, feature: -1, bin: -1 };
    for (let f = 0; f < features; f++) {
      const count = edges[f]!.length + 1;
      if (count < 2) continue;
      const hg = new Float64Array(count);
      const hh = new Float64Array(count);
      const bin = binOf[f]!;
      for (const r of rowsHere) {
        hg[bin[r]!]! += grad[r]!;
        hh[bin[r]!]! += hess[r]!;
      }
      let gl = 0,
        hl = 0;
      for (let b = 0; b < count - 1; b++) {
        gl += hg[b]!;
        hl += hh[b]!;
        const gr = g - gl,
          hr = h - hl;
        if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) continue;
        const gain = (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda) - parent;
        if (gain > best.gain) best = { gain, feature: f, bin: b };
      }
    }
    if (best.feature < 0) return leaf();
    const node = addNode(best.feature, edges[best.feature]![best.bin]!);
    const bin = binOf[best.feature]!;
    const low = rowsHere.filter((r) => bin[r]! <= best.bin);
    const high = rowsHere.filter((r) => bin[r]! > best.bin);
    trees.left[node] = grow(low, depth - 1);
    trees.right[node] = grow(high, depth - 1);
    return node;
  };

  const all = Array.from({ length: n }, (_, i) => i);
  for (let round = 0; round < options.rounds; round++) {
    for (let l = 0; l + 1 < starts.length; l++) {
      const [a, b] = [starts[l]!, starts[l + 1]!];
      let max = -Infinity;
      for (let r = a; r < b; r++) max = Math.max(max, score[r]!);
      let z = 0;
      for (let r = a; r < b; r++) z += Math.exp(score[r]! - max);
      for (let r = a; r < b; r++) {
        const p = Math.exp(score[r]! - max) / z;
        grad[r] = p - target[r]!;
        hess[r] = Math.max(p * (1 - p), 1e-6);
      }
    }
    const root = grow(all, options.depth);
    trees.roots.push(root);
    const one: FlatTrees = { ...trees, roots: [root] };
    for (let r = 0; r < n; r++) score[r]! += flatScore(one, rows[r]!);
  }
  return trees;
}
