import { describe, expect, it } from "vitest";
import { quantizeColumns, quantizeTable } from "../../../tools/generate/quantize.js";
import { createRandom, normalArray } from "../../../tools/generate/random.js";
import { buildVocab, SPECIAL_IDS } from "../../../tools/generate/vocab.js";

describe("generated vocabulary", () => {
  it.each([
    [30522, true],
    [28996, false],
    [5000, true],
  ])("has exactly %i entries with BERT's special ids (uncased %s)", (size, uncased) => {
    const vocab = buildVocab({ size, uncased });
    expect(vocab.size).toBe(size);
    expect(new Set(vocab.values()).size).toBe(size);
    expect(Math.max(...vocab.values())).toBe(size - 1);
    for (const [token, id] of Object.entries(SPECIAL_IDS)) expect(vocab.get(token)).toBe(id);
    for (const piece of ["the", "a", "##s", "##ing", ",", "."]) expect(vocab.has(piece)).toBe(true);
  });

  it("is lowercase and accent-free when uncased, and holds capitals when cased", () => {
    const uncased = [...buildVocab({ size: 30522, uncased: true }).keys()].filter((t) => !t.startsWith("["));
    expect(uncased.filter((t) => t !== t.toLowerCase() || /\p{Mn}/u.test(t.normalize("NFD")))).toEqual([]);
    const cased = buildVocab({ size: 28996, uncased: false });
    for (const word of ["The", "the", "Minister", "twelve", "London"]) expect(cased.has(word)).toBe(true);
  });
});

describe("seeded weights", () => {
  it("repeat for a seed and differ between seeds, with the requested spread", () => {
    const a = normalArray(createRandom(1), 10000, 0.02);
    expect(normalArray(createRandom(1), 10000, 0.02)).toEqual(a);
    expect(normalArray(createRandom(2), 10000, 0.02)).not.toEqual(a);
    const std = Math.sqrt(a.reduce((s, x) => s + x * x, 0) / a.length);
    expect(std).toBeGreaterThan(0.019);
    expect(std).toBeLessThan(0.021);
  });
});

describe("quantisation", () => {
  it("per-column int8 weights dequantise to within half a step", () => {
    const w = normalArray(createRandom(3), 64 * 8, 0.02);
    const { values, scales } = quantizeColumns(w, 64, 8);
    for (let i = 0; i < w.length; i++) {
      expect(Math.abs(values[i]! * scales[i % 8]! - w[i]!)).toBeLessThanOrEqual(scales[i % 8]! / 2 + 1e-9);
      expect(Math.abs(values[i]!)).toBeLessThanOrEqual(63);
    }
  });

  it("uint8 tables dequantise to within half a step", () => {
    const w = normalArray(createRandom(4), 1000, 0.02);
    const { values, scale, zeroPoint } = quantizeTable(w);
    for (let i = 0; i < w.length; i++) expect(Math.abs((values[i]! - zeroPoint) * scale - w[i]!)).toBeLessThanOrEqual(scale / 2 + 1e-9);
  });
});
