import type { Embedder, Mode } from "../types.js";
import { embeddingSimilarity, lexicalSimilarity, type SimilarityMatrix } from "./similarity.js";
import { summaryTerms } from "../text/index.js";
import { inverseDocumentFrequency, sparseCosine, tfidfVector } from "./tfidf.js";

/** Sentences placed in one vector space: their pairwise similarity, and similarity to other texts. */
export interface SentenceSpace {
  mode: Mode;
  sim: SimilarityMatrix;
  /** Similarity of each sentence to `text` (a headline or a topic), in [0, 1]. */
  similarityTo(text: string): Promise<number[]>;
}

export function lexicalSpace(texts: readonly string[]): SentenceSpace {
  const termLists = texts.map(summaryTerms);
  const idf = inverseDocumentFrequency(termLists);
  const vectors = termLists.map((t) => tfidfVector(t, idf));
  return {
    mode: "lexical",
    sim: lexicalSimilarity(termLists),
    async similarityTo(text) {
      const q = tfidfVector(summaryTerms(text), idf);
      return vectors.map((v) => sparseCosine(v, q));
    },
  };
}

export async function modelSpace(texts: readonly string[], embedder: Embedder): Promise<SentenceSpace> {
  const vectors = texts.length ? await embedder.embed([...texts], "passage") : [];
  return {
    mode: "model",
    sim: embeddingSimilarity(vectors),
    async similarityTo(text) {
      const [q] = await embedder.embed([text], "query");
      return vectors.map((v) => {
        let dot = 0;
        for (let k = 0; k < v.length; k++) dot += v[k]! * q![k]!;
        return Math.max(0, dot);
      });
    },
  };
}

export function buildSpace(texts: readonly string[], embedder?: Embedder): Promise<SentenceSpace> {
  return embedder ? modelSpace(texts, embedder) : Promise.resolve(lexicalSpace(texts));
}
