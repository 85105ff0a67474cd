// Passage vectors as int8 with one scale per vector (a quarter of float32's bytes; cosine order
// barely moves for unit vectors), in growable typed arrays keyed by passage row: no object per
// passage, so a million vectors cost their bytes and nothing else.

export interface Quantized {
  scale: number;
  data: Int8Array;
}

export function quantize(vector: Float32Array): Quantized {
  let max = 0;
  for (const x of vector) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const data = new Int8Array(vector.length);
  for (let j = 0; j < vector.length; j++) data[j] = Math.round(vector[j]! / scale);
  return { scale, data };
}

export function dequantize(q: Quantized): Float32Array {
  return Float32Array.from(q.data, (x) => x * q.scale);
}

export interface DenseHit {
  row: number;
  score: number;
}

export class QuantizedVectors {
  count = 0;
  private rows = new Float64Array(1024);
  private scales = new Float32Array(1024);
  private data: Int8Array;

  constructor(readonly dimension: number) {
    this.data = new Int8Array(1024 * dimension);
  }

  add(row: number, q: Quantized): void {
    if (this.count === this.rows.length) {
      const grow = <T extends Float64Array | Float32Array | Int8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.rows = grow(this.rows, (n) => new Float64Array(n));
      this.scales = grow(this.scales, (n) => new Float32Array(n));
      this.data = grow(this.data, (n) => new Int8Array(n));
    }
    this.rows[this.count] = row;
    this.scales[this.count] = q.scale;
    this.data.set(q.data, this.count * this.dimension);
    this.count++;
  }

  /** The i-th stored vector (insertion order), as floats. */
  vector(i: number): { row: number; vector: Float32Array } {
    const d = this.dimension;
    return { row: this.rows[i]!, vector: dequantize({ scale: this.scales[i]!, data: this.data.subarray(i * d, (i + 1) * d) }) };
  }

  /** Exact top-k by dot product (a bounded min-heap: cost grows with the corpus, not with k). */
  search(query: Float32Array, k: number): DenseHit[] {
    const d = this.dimension;
    const heapScore = new Float64Array(k);
    const heapIndex = new Int32Array(k);
    let size = 0;
    for (let i = 0; i < this.count; i++) {
      let dot = 0;
      const base = i * d;
      for (let j = 0; j < d; j++) dot += this.data[base + j]! * query[j]!;
      dot *= this.scales[i]!;
      if (size < k) {
        let c = size++;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (heapScore[p]! <= dot) break;
          heapScore[c] = heapScore[p]!;
          heapIndex[c] = heapIndex[p]!;
          c = p;
        }
        heapScore[c] = dot;
        heapIndex[c] = i;
      } else if (dot > heapScore[0]!) {
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          if (l >= k) break;
          const r = l + 1;
          const m = r < k && heapScore[r]! < heapScore[l]! ? r : l;
          if (heapScore[m]! >= dot) break;
          heapScore[c] = heapScore[m]!;
          heapIndex[c] = heapIndex[m]!;
          c = m;
        }
        heapScore[c] = dot;
        heapIndex[c] = i;
      }
    }
    const out: DenseHit[] = [];
    for (let i = 0; i < size; i++) out.push({ row: this.rows[heapIndex[i]!]!, score: heapScore[i]! });
    return out.sort((a, b) => b.score - a.score || a.row - b.row);
  }
}
