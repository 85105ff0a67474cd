import type { Article, Embedder } from "../../../src/types.js";
import { articleFromBody } from "../../../tools/eval/summaries/bbc.js";

/** An Article from paragraph strings, offsets as the loader sets them. */
export function makeArticle(id: string, title: string, paragraphs: string[]): Article {
  return articleFromBody(id, title, paragraphs.join("\n\n"));
}

/**
 * A test double Embedder: each text becomes the unit vector of the first listed keyword it
 * contains (or the last axis when none), so the test decides which sentences are alike.
 */
export function keywordEmbedder(keywords: string[]): Embedder & { calls: { texts: string[]; kind: string }[] } {
  const dimension = keywords.length + 1;
  const calls: { texts: string[]; kind: string }[] = [];
  return {
    modelId: "test/keyword-embedder",
    dimension,
    calls,
    async embed(texts, kind) {
      calls.push({ texts, kind });
      return texts.map((t) => {
        const v = new Float32Array(dimension);
        const k = keywords.findIndex((w) => t.toLowerCase().includes(w));
        v[k >= 0 ? k : keywords.length] = 1;
        return v;
      });
    },
  };
}
