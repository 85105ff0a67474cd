import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { DenseIndex } from "../../../src/search/dense-index.js";
import { QuantizedVectors, quantize } from "../../../src/search/quantized-vectors.js";
import { createRandom } from "../../../tools/seeded-random.js";

const hnswAvailable = await import("hnswlib-node").then(
  () => true,
  () => false,
);

const dimension = 16;
function vectorsFor(rows: number[], seed = 3): QuantizedVectors {
  const random = createRandom(seed);
  const out = new QuantizedVectors(dimension);
  for (const row of rows) {
    const v = Float32Array.from({ length: dimension }, () => random() * 2 - 1);
    const norm = Math.hypot(...v);
    out.add(row, quantize(v.map((x) => x / norm)));
  }
  return out;
}

let dir: string;
let lines: string[];
const logger = () => createLogger({ level: "debug", write: (l) => lines.push(l) });
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-hnsw-"));
  lines = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe.skipIf(!hnswAvailable)("dense search above the approximate threshold", () => {
  const rows = Array.from({ length: 400 }, (_, i) => 10 + i * 3);
  const query = vectorsFor([0], 99).vector(0).vector;

  it("stays exact below the threshold and switches to a saved HNSW graph above it", async () => {
    const file = path.join(dir, "hnsw.bin");
    const small = new DenseIndex(vectorsFor(rows.slice(0, 50)), file, logger(), 100);
    expect(await small.maybeApproximate(() => new Set(rows))).toBe(false);
    const index = new DenseIndex(vectorsFor(rows), file, logger(), 100);
    expect(await index.maybeApproximate(() => new Set(rows))).toBe(true);
    expect(existsSync(file)).toBe(true);
    const exact = vectorsFor(rows)
      .search(query, 10)
      .map((h) => h.row);
    const approximate = index.search(query, 10).map((h) => h.row);
    expect(approximate.filter((r) => exact.includes(r)).length).toBeGreaterThanOrEqual(9);
  });

  it("reloads the graph after a restart, leaving out removed passages and adding new ones", async () => {
    const file = path.join(dir, "hnsw.bin");
    await new DenseIndex(vectorsFor(rows), file, logger(), 100).maybeApproximate(() => new Set(rows));
    const best = vectorsFor(rows).search(query, 1)[0]!.row;
    const live = new Set(rows.filter((r) => r !== best));
    const later = new DenseIndex(vectorsFor(rows), file, logger(), 100);
    await later.maybeApproximate(() => live);
    expect(lines.some((l) => l.includes('"loaded":true'))).toBe(true);
    expect(later.search(query, 20).map((h) => h.row)).not.toContain(best);
    const fresh = vectorsFor([5000], 42).vector(0);
    later.add(5000, quantize(fresh.vector));
    expect(later.search(fresh.vector, 1)[0]!.row).toBe(5000);
  });
});
