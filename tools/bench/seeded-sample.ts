// A reproducible sample: the same items, seed and count always give the same picks. Pure.
import { createRandom } from "../generate/random.js";

/** `count` items drawn without replacement (all of them, shuffled, when count ≥ length). */
export function seededSample<T>(items: readonly T[], count: number, seed: number): T[] {
  const pool = [...items];
  const random = createRandom(seed);
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}
