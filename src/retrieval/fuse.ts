// Reciprocal rank fusion: robust to the different scales of BM25 and cosine scores.

export interface RankedList {
  docs: readonly number[];
  weight: number;
}

export function fuseRankings(lists: readonly RankedList[], k = 60): Array<{ doc: number; score: number }> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.docs.forEach((doc, rank) => scores.set(doc, (scores.get(doc) ?? 0) + list.weight / (k + rank + 1)));
  }
  return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
