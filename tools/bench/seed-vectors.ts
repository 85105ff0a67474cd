// Writes seeded passage vectors straight into an index database, as rows of the `vectors` table,
// under a given model id: the vector-scale bench needs 1.7 M of them, and embedding that many
// passages for real takes about 9 hours. The vectors lie around seeded cluster centres (passage
// embeddings cluster by topic), so an HNSW graph over them is built as over real embeddings.
import Database from "better-sqlite3";
import { quantize } from "../../src/search/quantized-vectors.js";
import { normalArray } from "../generate/random.js";
import { createRandom } from "../seeded-random.js";

export interface SeedOptions {
  /** How many passages get a vector (the first ones by row); the rest have none. */
  count: number;
  modelId: string;
  dimension: number;
  seed?: number;
  /** Rows per transaction. */
  batch?: number;
  log?: (line: string) => void;
}

/** Uniform noise per coordinate around a centre of N(0, 1) coordinates: of about the centre's own
 *  variance, so a member's cosine to its centre is about 0.7. */
const NOISE = 1.7;

/**
 * Replaces every vector in the database `file` by `count` seeded ones. Returns how many were
 * written (fewer when the index has fewer passages).
 */
export function seedVectors(file: string, options: SeedOptions): number {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const random = createRandom(options.seed ?? 17);
    const dimension = options.dimension;
    const clusters = Math.max(10, Math.round(options.count / 100));
    const centres = normalArray(random, clusters * dimension, 1);
    db.exec("DELETE FROM vectors");
    const rows = db.prepare("SELECT rowid FROM passages ORDER BY rowid LIMIT ?").raw().all(options.count) as number[][];
    const insert = db.prepare("INSERT INTO vectors (passage, model, scale, data) VALUES (?, ?, ?, ?)");
    const batch = options.batch ?? 20_000;
    const vector = new Float32Array(dimension);
    const started = Date.now();
    for (let from = 0; from < rows.length; from += batch) {
      db.transaction(() => {
        for (const [row] of rows.slice(from, from + batch)) {
          const centre = Math.floor(random() * clusters) * dimension;
          let norm = 0;
          for (let j = 0; j < dimension; j++) {
            const v = centres[centre + j]! + (random() * 2 - 1) * NOISE;
            vector[j] = v;
            norm += v * v;
          }
          for (let j = 0; j < dimension; j++) vector[j]! /= Math.sqrt(norm);
          const q = quantize(vector);
          insert.run(row, options.modelId, q.scale, Buffer.from(q.data.buffer, q.data.byteOffset, q.data.length));
        }
      })();
      options.log?.(
        `seeded ${Math.min(from + batch, rows.length)}/${rows.length} vectors (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
    db.pragma("wal_checkpoint(TRUNCATE)");
    return rows.length;
  } finally {
    db.close();
  }
}
