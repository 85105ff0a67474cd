// Floating-point operations of one encoder forward pass, from the model's shape alone (a
// multiply-add counts as 2). Only the matrix products are counted: they are >95% of the work;
// layer norms, softmax and GELU are left out, so efficiency figures are slightly conservative. Pure.
import type { EncoderShape } from "../generate/shapes.js";

export interface ForwardShape {
  batch: number;
  /** Tokens per sequence, padding included (padded positions are computed too). */
  tokens: number;
}

/** FLOPs of one encoder layer over `batch` sequences of `tokens`. */
export function layerFlops(shape: EncoderShape, { batch, tokens }: ForwardShape): number {
  const h = shape.hidden;
  const projections = 2 * batch * tokens * (4 * h * h); // Q, K, V and output projections
  const feedForward = 2 * batch * tokens * (2 * h * shape.intermediate); // up and down
  const attention = 2 * batch * (2 * tokens * tokens * h); // Q·Kᵀ and weights·V over all heads
  return projections + feedForward + attention;
}

/** FLOPs of a whole forward pass; `headOutputs` > 0 adds a linear head (2 for a QA span head). */
export function encoderFlops(shape: EncoderShape, forward: ForwardShape, headOutputs = 0): number {
  if (forward.batch < 1 || forward.tokens < 1) throw new RangeError("a forward pass needs at least one sequence of one token");
  const head = 2 * forward.batch * forward.tokens * shape.hidden * headOutputs;
  return shape.layers * layerFlops(shape, forward) + head;
}
