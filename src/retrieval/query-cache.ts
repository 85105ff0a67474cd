// Question embeddings kept for repeated questions (a bot hears the same question again and again):
// a small LRU of query vectors in front of an Embedder. Passage embeddings pass straight through.
import type { Embedder, EmbedOptions } from "../types.js";

const wrappers = new WeakMap<Embedder, Embedder>();

export function cacheQueries(embedder: Embedder, size = 256): Embedder {
  const cache = new Map<string, Float32Array>();
  return {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    async embed(texts: string[], kind: "query" | "passage", options?: EmbedOptions): Promise<Float32Array[]> {
      if (kind !== "query") return embedder.embed(texts, kind, options);
      const found = new Map<string, Float32Array>();
      for (const t of texts) {
        const hit = cache.get(t);
        if (hit) found.set(t, hit);
      }
      const missing = [...new Set(texts.filter((t) => !found.has(t)))];
      if (missing.length > 0) {
        const vectors = await embedder.embed(missing, "query");
        missing.forEach((t, i) => found.set(t, vectors[i]!));
      }
      for (const [t, v] of found) {
        cache.delete(t); // re-inserted as the most recent
        cache.set(t, v);
      }
      while (cache.size > size) cache.delete(cache.keys().next().value!);
      return texts.map((t) => found.get(t)!);
    },
  };
}

/** The one caching wrapper of `embedder` (so every caller shares its cache). */
export function cachedQueries(embedder: Embedder): Embedder {
  let wrapper = wrappers.get(embedder);
  if (!wrapper) wrappers.set(embedder, (wrapper = cacheQueries(embedder)));
  return wrapper;
}
