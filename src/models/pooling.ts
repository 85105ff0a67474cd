// Sentence embeddings from a model's last hidden states: the first ([CLS]) token's state or the
// mean over the real (unpadded) tokens, scaled to unit length. Pure.

export type Pooling = "cls" | "mean";

/**
 * `hidden` is [rows, width, dim] row-major; `lengths` are each row's real tokens (the rest is
 * padding). Returns one unit vector per row.
 */
export function poolRows(
  hidden: Float32Array,
  rows: number,
  width: number,
  dim: number,
  lengths: readonly number[],
  pooling: Pooling,
): Float32Array[] {
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const v = new Float32Array(dim);
    const base = r * width * dim;
    const n = pooling === "cls" ? 1 : Math.max(1, Math.min(width, lengths[r]!));
    for (let t = 0; t < n; t++) {
      const at = base + t * dim;
      for (let d = 0; d < dim; d++) v[d]! += hidden[at + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += v[d]! * v[d]!;
    // Dividing by n is a no-op after normalising; a zero vector stays zero.
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dim; d++) v[d]! *= scale;
    out.push(v);
  }
  return out;
}
