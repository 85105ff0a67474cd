import { UsageError } from "../errors.js";
import type { SummaryLength, SummaryOptions } from "../types.js";

export const LENGTH_SENTENCES: Readonly<Record<SummaryLength, number>> = { short: 3, medium: 5, long: 8 };
export const MAX_SENTENCES = 50;

/** How many sentences a summary should have: `sentences` when given, else by `length` (short). */
export function sentenceCount(options: SummaryOptions = {}): number {
  if (options.sentences !== undefined) {
    const n = options.sentences;
    if (!Number.isInteger(n) || n < 1 || n > MAX_SENTENCES) {
      throw new UsageError(`sentences must be a whole number from 1 to ${MAX_SENTENCES}, got ${n}`, { sentences: n });
    }
    return n;
  }
  const length = options.length ?? "short";
  if (!(length in LENGTH_SENTENCES)) {
    throw new UsageError(`length must be short, medium or long, got ${String(length)}`, { length });
  }
  return LENGTH_SENTENCES[length];
}
