import { sparseCosine, tfidfVectors } from "./tfidf.js";

/** An n×n similarity matrix in [0, 1], row-major; symmetric but for Dice's (see diceSimilarity). */
export interface SimilarityMatrix {
  readonly size: number;
  readonly values: Float64Array;
}

export function at(m: SimilarityMatrix, i: number, j: number): number {
  return m.values[i * m.size + j]!;
}

function build(n: number, sim: (i: number, j: number) => number): SimilarityMatrix {
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    values[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = Math.max(0, Math.min(1, sim(i, j)));
      values[i * n + j] = s;
      values[j * n + i] = s;
    }
  }
  return { size: n, values };
}

/** Lexical similarity: TF-IDF cosine over stemmed content terms. */
export function lexicalSimilarity(termLists: readonly (readonly string[])[]): SimilarityMatrix {
  const vectors = tfidfVectors(termLists);
  return build(vectors.length, (i, j) => sparseCosine(vectors[i]!, vectors[j]!));
}

/** Sørensen–Dice overlap of two term lists: 2·(terms of one found in the other) / (both lengths). */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  const inB = new Set(b);
  let common = 0;
  for (const t of a) if (inB.has(t)) common++;
  return Math.min(1, (2 * common) / (a.length + b.length));
}

/** Word-overlap similarity, as TextRank computes it (no term weighting). Not symmetric when a
 *  sentence repeats a word: row i counts i's words found in j, as TextRank's graph does. */
export function diceSimilarity(termLists: readonly (readonly string[])[]): SimilarityMatrix {
  const n = termLists.length;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = i === j ? 1 : dice(termLists[i]!, termLists[j]!);
  return { size: n, values };
}

/** Model similarity: cosine of unit-length sentence embeddings (negative cosines count as 0). */
export function embeddingSimilarity(vectors: readonly Float32Array[]): SimilarityMatrix {
  return build(vectors.length, (i, j) => {
    const a = vectors[i]!;
    const b = vectors[j]!;
    let dot = 0;
    for (let k = 0; k < a.length; k++) dot += a[k]! * b[k]!;
    return dot;
  });
}
