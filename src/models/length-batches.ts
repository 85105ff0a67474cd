// Plans embedding batches over a whole set of texts by token length: sorted, so each batch holds
// texts of about one length (little padding), and cut at a token budget, so a batch of short
// texts holds many and a batch of long ones few. Pure.

export interface BatchLimits {
  /** Most padded tokens (rows × longest row) in one batch. */
  maxTokens: number;
  /** Most rows in one batch. */
  maxRows: number;
}

/** Indices into `lengths`, grouped into batches; every index appears exactly once. */
export function planBatches(lengths: readonly number[], limits: BatchLimits): number[][] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const batches: number[][] = [];
  let batch: number[] = [];
  for (const i of order) {
    // Ascending order: this row is the longest so far, so it sets the padded width.
    const width = lengths[i]!;
    if (batch.length > 0 && (batch.length >= limits.maxRows || (batch.length + 1) * width > limits.maxTokens)) {
      batches.push(batch);
      batch = [];
    }
    batch.push(i);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Padded tokens of a plan against real ones: the share of the work spent on padding. */
export function paddingShare(lengths: readonly number[], batches: readonly number[][]): number {
  let real = 0;
  let padded = 0;
  for (const batch of batches) {
    const width = Math.max(...batch.map((i) => lengths[i]!));
    padded += width * batch.length;
    for (const i of batch) real += lengths[i]!;
  }
  return padded === 0 ? 0 : (padded - real) / padded;
}
