import { describe, expect, it } from "vitest";
import { dotVector, trainListwise } from "../../../tools/eval/listwise.js";
import { SENTENCE_FEATURE_NAMES, type SentenceWeights } from "../../../src/answer/sentence-feature-names.js";
import { SENTENCE_WEIGHTS } from "../../../src/answer/sentence-weights.js";
import { sentenceWeightsSource } from "../../../tools/eval/sentence-weights-source.js";

describe("the listwise trainer", () => {
  it("learns to rank first the item whose informative feature is on, ignoring a noise feature", () => {
    const examples = Array.from({ length: 200 }, (_, k) => {
      const best = k % 4;
      const items = Array.from({ length: 4 }, (_, i) => Float64Array.from([i === best ? 1 : 0, ((k * 7 + i * 3) % 5) / 5]));
      return { items, best: [best] };
    });
    const w = trainListwise(examples, 2, 5, 1e-3);
    expect(w[0]).toBeGreaterThan(1);
    expect(Math.abs(w[1]!)).toBeLessThan(w[0]! / 4);
    const right = examples.filter((e) => {
      const scores = e.items.map((x) => dotVector(w, x));
      return scores.indexOf(Math.max(...scores)) === e.best[0];
    });
    expect(right).toHaveLength(examples.length);
  });
});

describe("the sentence weights record", () => {
  it("is written with one weight a line for every feature, in the feature list's order", () => {
    const weights = Object.fromEntries(SENTENCE_FEATURE_NAMES.map((n, i) => [n, i / 10])) as unknown as SentenceWeights;
    const lines = sentenceWeightsSource(12, weights)
      .split("\n")
      .flatMap((l) => /^ {2}(\w+): (-?[\d.]+),$/.exec(l)?.slice(1, 3) ?? []);
    expect(lines.filter((_, i) => i % 2 === 0)).toEqual([...SENTENCE_FEATURE_NAMES]);
    expect(lines.filter((_, i) => i % 2 === 1).map(Number)).toEqual(SENTENCE_FEATURE_NAMES.map((_, i) => i / 10));
  });

  it("the shipped record is what the trainer writes for its own weights (nothing added by hand)", async () => {
    const { readFile } = await import("node:fs/promises");
    const shipped = await readFile(new URL("../../../src/answer/sentence-weights.ts", import.meta.url), "utf8");
    const examples = Number(/trained on (\d+) questions/.exec(shipped)?.[1]);
    expect(shipped).toBe(sentenceWeightsSource(examples, SENTENCE_WEIGHTS));
  });
});

describe("the relevance trainer", () => {
  it("fits a logistic model that separates by the informative feature", async () => {
    const { fitLogistic } = await import("../../../tools/eval/train-relevance.js");
    const rows = Array.from({ length: 200 }, (_, k) => ({ x: Float64Array.from([1, k % 2, (k % 7) / 7]), y: k % 2 }));
    const w = fitLogistic(rows, 3, 2000, 1e-4);
    expect(w[1]).toBeGreaterThan(2);
    expect(Math.abs(w[2]!)).toBeLessThan(w[1]! / 4);
    expect(w[0]).toBeLessThan(0);
  });

  it("the shipped record is what the trainer writes for its own weights", async () => {
    const { readFile } = await import("node:fs/promises");
    const { relevanceWeightsSource } = await import("../../../tools/eval/relevance-weights-source.js");
    const { RELEVANCE_WEIGHTS } = await import("../../../src/answer/relevance-weights.js");
    const shipped = await readFile(new URL("../../../src/answer/relevance-weights.ts", import.meta.url), "utf8");
    const examples = Number(/trained on (\d+) questions/.exec(shipped)?.[1]);
    expect(shipped).toBe(relevanceWeightsSource(examples, RELEVANCE_WEIGHTS));
  });
});

describe("the span-confidence trainer", () => {
  it("the shipped record is what the trainer writes for its own weights", async () => {
    const { readFile } = await import("node:fs/promises");
    const { confidenceWeightsSource } = await import("../../../tools/eval/confidence-weights-source.js");
    const { CONFIDENCE_WEIGHTS } = await import("../../../src/answer/confidence-weights.js");
    const shipped = await readFile(new URL("../../../src/answer/confidence-weights.ts", import.meta.url), "utf8");
    const examples = Number(/trained on (\d+) questions/.exec(shipped)?.[1]);
    expect(shipped).toBe(confidenceWeightsSource(examples, CONFIDENCE_WEIGHTS));
  });

  it("measures a score's ROC area: 1 when every right span outscores every wrong one, 0.5 for ties", async () => {
    const { rocArea } = await import("../../../tools/eval/train-confidence.js");
    expect(rocArea([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocArea([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(rocArea([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(rocArea([0.3, 0.7, 0.5], [0, 1, 1])).toBe(1);
  });
});
