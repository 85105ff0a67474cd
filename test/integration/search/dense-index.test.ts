import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { DenseIndex, type DenseIndexOptions } from "../../../src/search/dense-index.js";
import { openIndexDatabase, type IndexDatabase } from "../../../src/search/open-database.js";
import { QuantizedVectors, quantize } from "../../../src/search/quantized-vectors.js";
import { createRandom } from "../../../tools/seeded-random.js";

const hnswAvailable = await import("hnswlib-node").then(
  () => true,
  () => false,
);

const dimension = 16;
const MODEL = "test/seeded";

function unitVector(random: () => number): Float32Array {
  const v = Float32Array.from({ length: dimension }, () => random() * 2 - 1);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

let dir: string;
let db: IndexDatabase;
let lines: string[];
const logger = () => createLogger({ level: "debug", write: (l) => lines.push(l) });

/** `count` passages (rows 1…count) with seeded vectors stored as the app stores them. */
function storeVectors(count: number, seed = 3): void {
  const random = createRandom(seed);
  db.transaction(() => {
    db.prepare(
      "INSERT INTO articles (rowid, file, id, size, mtime, hash, title, paragraph_count, meta) VALUES (1, 'a.txt', 'a', 1, 0, 'h', 'A', 1, '{}')",
    ).run();
    const passage = db.prepare("INSERT INTO passages (rowid, article, id, paragraph, start, end, length) VALUES (?, 1, ?, 0, 0, 1, 1)");
    const vector = db.prepare("INSERT INTO vectors (passage, model, scale, data) VALUES (?, ?, ?, ?)");
    for (let row = 1; row <= count; row++) {
      passage.run(row, `a#${row}`);
      const q = quantize(unitVector(random));
      vector.run(row, MODEL, q.scale, Buffer.from(q.data.buffer, q.data.byteOffset, q.data.length));
    }
  })();
}

/** The exact answer over what the database holds. */
function exactTop(query: Float32Array, k: number): number[] {
  const exact = new QuantizedVectors(dimension);
  for (const r of db.prepare("SELECT passage, scale, data FROM vectors ORDER BY passage").all() as {
    passage: number;
    scale: number;
    data: Buffer;
  }[])
    exact.add(r.passage, { scale: r.scale, data: new Int8Array(r.data.buffer, r.data.byteOffset, r.data.length) });
  return exact.search(query, k).map((h) => h.row);
}

const graphFile = () => path.join(dir, "hnsw.bin");
const dense = (options: Partial<DenseIndexOptions> = {}) =>
  new DenseIndex({ db, modelId: MODEL, dimension, graphFile: graphFile(), logger: logger(), approximateFrom: 100, ...options });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-hnsw-"));
  db = await openIndexDatabase(dir, createLogger({ level: "silent" }));
  lines = [];
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const query = unitVector(createRandom(99));

describe("dense search below the approximate threshold", () => {
  it("reads the stored vectors a page at a time and searches them exactly, in this thread", async () => {
    storeVectors(90);
    const index = dense({ page: 7 });
    expect(index.status().search).toBe("loading");
    await index.ready();
    expect(index.status()).toEqual({ search: "exact", vectors: 90 });
    expect(index.search(query, 5).map((h) => h.row)).toEqual(exactTop(query, 5));
    expect(existsSync(graphFile())).toBe(false);
    await index.close();
  });
});

describe.skipIf(!hnswAvailable)("dense search above the approximate threshold (HNSW on a worker thread)", () => {
  it("builds the graph on a worker, saves it, and finds what exact search finds", async () => {
    storeVectors(400);
    const index = dense();
    await index.ready();
    expect(index.status()).toEqual({ search: "graph-ready", vectors: 400 });
    expect(index.approximate).toBe(true);
    const approximate = index.search(query, 10).map((h) => h.row);
    expect(approximate.filter((r) => exactTop(query, 10).includes(r)).length).toBeGreaterThanOrEqual(9);
    await index.close();
    expect(existsSync(graphFile())).toBe(true);
  });

  it("answers searches while the graph is still being built, from the vectors added so far", async () => {
    storeVectors(6000);
    const index = dense({ sliceMs: 1 });
    await index.open();
    let building: number[] | undefined;
    for (let tries = 0; tries < 2000 && !building; tries++) {
      await new Promise((r) => setTimeout(r, 2));
      const s = index.status();
      // At least as many vectors in the graph as asked for: on a busy host the first look can come
      // after one vector, and a search then rightly returns one hit.
      if (s.search === "graph-building" && s.vectors >= 5) {
        const hits = index.search(query, 5).map((h) => h.row);
        // Still building after the search came back: it was answered mid-build.
        if (index.status().search === "graph-building") building = hits;
      }
    }
    expect(building?.length).toBe(5);
    await index.ready();
    expect(index.status()).toEqual({ search: "graph-ready", vectors: 6000 });
    await index.close();
  });

  it("reloads the graph after a restart, leaving out removed passages and adding new ones", async () => {
    storeVectors(400);
    const first = dense();
    await first.ready();
    await first.close();
    const best = exactTop(query, 1)[0]!;
    db.prepare("DELETE FROM passages WHERE rowid = ?").run(best); // its vector goes with it
    lines = [];
    const later = dense();
    await later.ready();
    expect(lines.some((l) => l.includes('"loaded":true') && l.includes('"removed":1'))).toBe(true);
    expect(later.search(query, 20).map((h) => h.row)).not.toContain(best);
    const fresh = unitVector(createRandom(42));
    db.prepare("INSERT INTO passages (rowid, article, id, paragraph, start, end, length) VALUES (5000, 1, 'a#5000', 0, 0, 1, 1)").run();
    later.add(5000, quantize(fresh));
    await new Promise((r) => setTimeout(r, 50));
    expect(later.search(fresh, 1)[0]!.row).toBe(5000);
    await later.close();
  });

  it("resumes a build stopped by a restart from its checkpoint, and ends with every vector", async () => {
    storeVectors(6000);
    const first = dense({ sliceMs: 1, checkpointMs: 0 });
    await first.open();
    while (first.status().vectors < 500) await new Promise((r) => setTimeout(r, 2));
    await first.close(); // mid-build: what is built so far is written
    expect(first.status().vectors).toBeLessThan(6000);
    expect(existsSync(graphFile())).toBe(true);
    lines = [];
    const resumed = dense();
    await resumed.ready();
    const ready = lines.find((l) => l.includes("ready in"))!;
    expect(ready).toContain('"loaded":true');
    const added = Number(/"added":(\d+)/.exec(ready)![1]);
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(6000);
    expect(resumed.status()).toEqual({ search: "graph-ready", vectors: 6000 });
    expect(resumed.search(query, 1)[0]!.row).toBe(exactTop(query, 1)[0]);
    await resumed.close();
  });

  it.each([
    ["cut short", async (file: string) => writeFile(file, (await readFile(file)).subarray(0, (await stat(file)).size / 2))],
    ["not a graph", (file: string) => writeFile(file, Buffer.alloc(5000, 7))],
  ])("rebuilds a graph file that is %s, with a log line", async (_name, damage) => {
    storeVectors(400);
    const first = dense();
    await first.ready();
    await first.close();
    await damage(graphFile());
    lines = [];
    const again = dense();
    await again.ready();
    expect(lines.some((l) => l.includes("unreadable; rebuilding"))).toBe(true);
    expect(again.status()).toEqual({ search: "graph-ready", vectors: 400 });
    expect(again.search(query, 1)[0]!.row).toBe(exactTop(query, 1)[0]);
    await again.close();
  });
});
