// Weight quantisation as ONNX Runtime's dynamic quantiser does it: int8 weights with one scale per
// output column for MatMul (7-bit range, which keeps u8×s8 kernels from saturating on AVX2), and
// uint8 with a scale and zero point for embedding tables.

export interface ColumnQuantized {
  values: Int8Array;
  /** One scale per output column. */
  scales: Float32Array;
}

const REDUCED_RANGE = 63;

/** Symmetric per-column quantisation of a row-major [rows, cols] matrix. */
export function quantizeColumns(weights: Float32Array, rows: number, cols: number): ColumnQuantized {
  const scales = new Float32Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) scales[c] = Math.max(scales[c]!, Math.abs(weights[r * cols + c]!));
  }
  for (let c = 0; c < cols; c++) scales[c] = scales[c]! / REDUCED_RANGE || 1;
  const values = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    values[i] = Math.round(weights[i]! / scales[i % cols]!);
  }
  return { values, scales };
}

export interface TableQuantized {
  values: Uint8Array;
  scale: number;
  zeroPoint: number;
}

/** Asymmetric per-tensor uint8 quantisation (for Gather tables, dequantised after lookup). */
export function quantizeTable(weights: Float32Array): TableQuantized {
  let min = 0;
  let max = 0;
  for (const w of weights) {
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const scale = (max - min) / 255 || 1;
  const zeroPoint = Math.min(255, Math.max(0, Math.round(-min / scale)));
  const values = new Uint8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    values[i] = Math.min(255, Math.max(0, Math.round(weights[i]! / scale) + zeroPoint));
  }
  return { values, scale, zeroPoint };
}
