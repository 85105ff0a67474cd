// TF-IDF vectors over a small set of texts (the sentences of one article or one digest), each
// scaled to unit length so a dot product is a cosine.

export type SparseVector = ReadonlyMap<string, number>;

/** Inverse document frequency of every term, smoothed so a term in every text still counts a little. */
export function inverseDocumentFrequency(docs: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)));
  return idf;
}

/** Unit TF-IDF vector of one term list (sub-linear term frequency). */
export function tfidfVector(doc: readonly string[], idf: ReadonlyMap<string, number>): SparseVector {
  const tf = new Map<string, number>();
  for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * (idf.get(t) ?? 0);
    if (w <= 0) continue;
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function tfidfVectors(docs: readonly (readonly string[])[]): SparseVector[] {
  const idf = inverseDocumentFrequency(docs);
  return docs.map((d) => tfidfVector(d, idf));
}

export function sparseCosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const u = large.get(t);
    if (u !== undefined) dot += w * u;
  }
  return dot;
}
