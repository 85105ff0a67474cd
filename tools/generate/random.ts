// Seeded random numbers for generated weights: the same seed gives byte-identical models.

export { createRandom } from "../seeded-random.js";

/** `count` values drawn from N(0, std²) (Box–Muller, two values per pair of uniforms). */
export function normalArray(random: () => number, count: number, std: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const u = 1 - random(); // (0, 1], so the log is finite
    const v = random();
    const r = std * Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}
