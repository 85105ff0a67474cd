import { describe, expect, it } from "vitest";
import { cachedQueries, cacheQueries } from "../../../src/retrieval/query-cache.js";
import type { Embedder } from "../../../src/types.js";

function countingEmbedder(): Embedder & { calls: Array<{ texts: string[]; kind: string }> } {
  const calls: Array<{ texts: string[]; kind: string }> = [];
  return {
    modelId: "fake",
    dimension: 1,
    calls,
    async embed(texts, kind) {
      calls.push({ texts, kind });
      return texts.map((t) => Float32Array.of(t.length));
    },
  };
}

describe("query embedding cache", () => {
  it("embeds a repeated question once and returns the same vector", async () => {
    const inner = countingEmbedder();
    const cached = cacheQueries(inner);
    const [first] = await cached.embed(["who won?"], "query");
    const [again] = await cached.embed(["who won?"], "query");
    expect(again).toBe(first);
    expect(inner.calls).toHaveLength(1);
    expect(cached.modelId).toBe("fake");
  });

  it("asks only for the questions it has not seen, once each, and keeps the caller's order", async () => {
    const inner = countingEmbedder();
    const cached = cacheQueries(inner);
    await cached.embed(["a"], "query");
    const out = await cached.embed(["bbb", "a", "bbb", "cc"], "query");
    expect(inner.calls[1]!.texts).toEqual(["bbb", "cc"]);
    expect(out.map((v) => v[0])).toEqual([3, 1, 3, 2]);
  });

  it("passes passage embeddings straight through, uncached", async () => {
    const inner = countingEmbedder();
    const cached = cacheQueries(inner);
    await cached.embed(["p"], "passage");
    await cached.embed(["p"], "passage");
    expect(inner.calls.map((c) => c.kind)).toEqual(["passage", "passage"]);
  });

  it("forgets the least recently used question beyond its size", async () => {
    const inner = countingEmbedder();
    const cached = cacheQueries(inner, 2);
    await cached.embed(["a"], "query");
    await cached.embed(["b"], "query");
    await cached.embed(["a"], "query"); // a is now the most recent
    await cached.embed(["c"], "query"); // evicts b
    await cached.embed(["a"], "query");
    await cached.embed(["b"], "query");
    expect(inner.calls.map((c) => c.texts[0])).toEqual(["a", "b", "c", "b"]);
  });

  it("shares one cache per embedder", () => {
    const inner = countingEmbedder();
    expect(cachedQueries(inner)).toBe(cachedQueries(inner));
    expect(cachedQueries(countingEmbedder())).not.toBe(cachedQueries(inner));
  });
});
