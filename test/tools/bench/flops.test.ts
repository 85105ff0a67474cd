import { describe, expect, it } from "vitest";
import { encoderFlops, layerFlops } from "../../../tools/bench/flops.js";
import { SHAPES } from "../../../tools/generate/shapes.js";

describe("encoder FLOPs", () => {
  it("counts the four projections, the feed-forward pair and attention of one layer", () => {
    const shape = { layers: 1, hidden: 2, heads: 1, intermediate: 4, vocab: 10, maxPositions: 8, typeVocab: 0 };
    // one sequence of 3 tokens: 2·3·(4·2·2) + 2·3·(2·2·4) + 2·(2·3·3·2) = 96 + 96 + 72
    expect(layerFlops(shape, { batch: 1, tokens: 3 })).toBe(264);
  });

  it("is linear in the batch and grows faster than linearly in the tokens", () => {
    const shape = SHAPES.default.embedder;
    const one = encoderFlops(shape, { batch: 1, tokens: 128 });
    expect(encoderFlops(shape, { batch: 4, tokens: 128 })).toBe(4 * one);
    expect(encoderFlops(shape, { batch: 1, tokens: 256 })).toBeGreaterThan(2 * one);
  });

  it("puts bge-small at about 42 MFLOP a token and the QA model at about 85, as their parameter counts say", () => {
    const perToken = (s: typeof SHAPES.default.qa) => encoderFlops(s, { batch: 1, tokens: 1 }) / 1e6;
    expect(perToken(SHAPES.default.embedder)).toBeCloseTo(42.5, 0);
    expect(perToken(SHAPES.default.qa)).toBeCloseTo(84.9, 0);
  });

  it("adds a span head of 2 outputs and rejects an empty pass", () => {
    const shape = SHAPES.default.qa;
    const body = encoderFlops(shape, { batch: 1, tokens: 10 });
    expect(encoderFlops(shape, { batch: 1, tokens: 10 }, 2) - body).toBe(2 * 10 * 768 * 2);
    expect(() => encoderFlops(shape, { batch: 0, tokens: 10 })).toThrow(RangeError);
  });
});
