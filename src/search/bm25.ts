// Okapi BM25 with the title as a second field (BM25F-style: title terms count `titleWeight` times).

export interface Bm25Params {
  k1: number;
  b: number;
  titleWeight: number;
}

/** Tuned on SQuAD v1.1 dev (`npm run eval -- squad --tune`), not on single questions. */
export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.75, titleWeight: 1 };

export interface Bm25Document {
  /** Term → count in the body. */
  body: ReadonlyMap<string, number>;
  /** Term → count in the title. */
  title: ReadonlyMap<string, number>;
}

export interface Bm25Index {
  params: Bm25Params;
  size: number;
  postings: Map<string, { docs: Int32Array; weights: Float32Array }>;
}

export interface Bm25Hit {
  doc: number;
  score: number;
}

function length(counts: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

export function buildBm25(documents: readonly Bm25Document[], params: Bm25Params = DEFAULT_BM25_PARAMS): Bm25Index {
  const lengths = documents.map((d) => length(d.body) + params.titleWeight * length(d.title));
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, documents.length) || 1;
  const lists = new Map<string, { docs: number[]; tfs: number[] }>();
  documents.forEach((doc, i) => {
    const tf = new Map(doc.body);
    for (const [t, c] of doc.title) tf.set(t, (tf.get(t) ?? 0) + params.titleWeight * c);
    for (const [t, c] of tf) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = { docs: [], tfs: [] }));
      list.docs.push(i);
      list.tfs.push(c);
    }
  });
  const n = documents.length;
  const postings = new Map<string, { docs: Int32Array; weights: Float32Array }>();
  for (const [t, { docs, tfs }] of lists) {
    const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
    const weights = new Float32Array(docs.length);
    docs.forEach((d, j) => {
      const tf = tfs[j]!;
      const norm = params.k1 * (1 - params.b + (params.b * lengths[d]!) / average);
      weights[j] = (idf * tf * (params.k1 + 1)) / (tf + norm);
    });
    postings.set(t, { docs: Int32Array.from(docs), weights });
  }
  return { params, size: n, postings };
}

/** Inverse document frequency of a term in this index (0 for unknown terms). */
export function idf(index: Bm25Index, term: string): number {
  const df = index.postings.get(term)?.docs.length ?? 0;
  return df ? Math.log(1 + (index.size - df + 0.5) / (df + 0.5)) : 0;
}

/** Best `k` documents for the query terms (each distinct term counted once), best first. */
export function searchBm25(index: Bm25Index, queryTerms: readonly string[], k: number): Bm25Hit[] {
  const scores = new Float64Array(index.size);
  const touched: number[] = [];
  for (const term of new Set(queryTerms)) {
    const list = index.postings.get(term);
    if (!list) continue;
    for (let j = 0; j < list.docs.length; j++) {
      const d = list.docs[j]!;
      if (scores[d] === 0) touched.push(d);
      scores[d] = scores[d]! + list.weights[j]!;
    }
  }
  return touched
    .map((doc) => ({ doc, score: scores[doc]! }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, k);
}
