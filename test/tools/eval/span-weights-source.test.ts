import { describe, expect, it } from "vitest";
import { SPAN_FEATURE_NAMES, type SpanWeights } from "../../../src/answer/span-feature-names.js";
import { SPAN_WEIGHTS } from "../../../src/answer/span-weights.js";
import { spanWeightsSource } from "../../../tools/eval/span-weights-source.js";

describe("the trainer's weights record", () => {
  it("is written with one weight a line for every feature, in the feature list's order", () => {
    const weights = Object.fromEntries(SPAN_FEATURE_NAMES.map((n, i) => [n, i / 10])) as unknown as SpanWeights;
    const lines = spanWeightsSource(123, weights)
      .split("\n")
      .flatMap((l) => /^ {2}(\w+): (-?[\d.]+),$/.exec(l)?.slice(1, 3) ?? []);
    const names = lines.filter((_, i) => i % 2 === 0);
    expect(names).toEqual([...SPAN_FEATURE_NAMES]);
    expect(lines.filter((_, i) => i % 2 === 1).map(Number)).toEqual(SPAN_FEATURE_NAMES.map((_, i) => i / 10));
  });

  it("the shipped record is what the trainer writes for its own weights (nothing added by hand)", async () => {
    const { readFile } = await import("node:fs/promises");
    const shipped = await readFile(new URL("../../../src/answer/span-weights.ts", import.meta.url), "utf8");
    const examples = Number(/trained on\n\/\/ (\d+) examples/.exec(shipped)?.[1]);
    expect(shipped).toBe(spanWeightsSource(examples, SPAN_WEIGHTS));
  });
});

describe("the trainer's trees record", () => {
  it("the shipped trees are what the trainer writes for them (nothing added by hand)", async () => {
    const { readFile } = await import("node:fs/promises");
    const { SPAN_TREES } = await import("../../../src/answer/span-tree-model.js");
    const { spanTreesSource } = await import("../../../tools/eval/span-trees-source.js");
    const shipped = await readFile(new URL("../../../src/answer/span-tree-model.ts", import.meta.url), "utf8");
    const [, examples, settings] =
      /fitted on (\d+) examples of the odd-numbered SQuAD\n\/\/ v1\.1 dev articles \((.*)\)\.\n/.exec(shipped) ?? [];
    const trees = {
      ...SPAN_TREES,
      roots: [...SPAN_TREES.roots],
      feature: [...SPAN_TREES.feature],
      value: [...SPAN_TREES.value],
      left: [...SPAN_TREES.left],
      right: [...SPAN_TREES.right],
    };
    expect(shipped).toBe(spanTreesSource(Number(examples), settings!, trees));
  });
});
