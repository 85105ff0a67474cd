// Exact nearest neighbours by dot product over unit vectors stored row after row.

export interface DenseHit {
  doc: number;
  score: number;
}

export function searchDense(data: Float32Array, dimension: number, query: Float32Array, k: number): DenseHit[] {
  const count = data.length / dimension;
  const top: DenseHit[] = [];
  let floor = -Infinity;
  for (let d = 0; d < count; d++) {
    let dot = 0;
    const base = d * dimension;
    for (let j = 0; j < dimension; j++) dot += data[base + j]! * query[j]!;
    if (top.length < k || dot > floor) {
      top.push({ doc: d, score: dot });
      if (top.length > k) {
        top.sort((a, b) => b.score - a.score);
        top.length = k;
      }
      floor = top.length >= k ? Math.min(...top.map((h) => h.score)) : -Infinity;
    }
  }
  return top.sort((a, b) => b.score - a.score);
}
