import { describe, expect, it } from "vitest";
import { buildBm25, searchBm25, type Bm25Document } from "../../../src/search/bm25.js";
import { fuseRankings } from "../../../src/retrieval/fuse.js";
import { searchDense } from "../../../src/search/dense.js";
import { searchTermCounts, searchTerms } from "../../../src/text/index.js";

const doc = (body: string, title = ""): Bm25Document => ({ body: searchTermCounts(body), title: searchTermCounts(title) });

describe("BM25", () => {
  const docs = [
    doc("The central bank raised interest rates again."),
    doc("The striker scored twice in the cup final."),
    doc("Rates of interest and rates of growth.", "Interest rates"),
  ];
  const index = buildBm25(docs, { k1: 1.2, b: 0.75, titleWeight: 1 });

  it.each([
    ["interest rates", [2, 0]],
    ["cup final striker", [1]],
    ["volcano", []],
  ])("ranks %s", (query, expected) => {
    expect(searchBm25(index, searchTerms(query), 5).map((h) => h.doc)).toEqual(expected);
  });

  it("counts the title as a field", () => {
    const plain = buildBm25(docs, { k1: 1.2, b: 0.75, titleWeight: 0 });
    const a = searchBm25(index, searchTerms("interest"), 3).find((h) => h.doc === 2)!.score;
    const b = searchBm25(plain, searchTerms("interest"), 3).find((h) => h.doc === 2)!.score;
    expect(a).toBeGreaterThan(b);
  });
});

describe("fusion and dense search", () => {
  it("fuses rankings by reciprocal rank", () => {
    const fused = fuseRankings([
      { docs: [1, 2, 3], weight: 1 },
      { docs: [3, 1], weight: 1 },
    ]);
    expect(fused.map((h) => h.doc)).toEqual([1, 3, 2]);
  });

  it("finds the nearest unit vectors by dot product", () => {
    const data = new Float32Array([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]);
    expect(searchDense(data, 2, new Float32Array([0, 1]), 2).map((h) => h.doc)).toEqual([1, 2]);
  });
});
