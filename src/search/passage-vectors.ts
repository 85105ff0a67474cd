import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import type { IndexDatabase } from "./open-database.js";
import { QuantizedVectors, quantize, type Quantized } from "./quantized-vectors.js";
import type { SearchIndex } from "./search-index.js";

/** Every stored vector of `modelId`; vectors of other models are dropped (they would only take room). */
export function loadVectors(db: IndexDatabase, modelId: string, dimension: number, logger: Logger): QuantizedVectors {
  const dropped = db.prepare("DELETE FROM vectors WHERE model != ?").run(modelId).changes;
  if (dropped) logger.info(`Dropped ${dropped} passage vectors of another embedding model`, { modelId });
  const vectors = new QuantizedVectors(dimension);
  const rows = db.prepare("SELECT passage, scale, data FROM vectors ORDER BY passage").raw().iterate() as Iterable<
    [number, number, Buffer]
  >;
  for (const [row, scale, data] of rows) {
    if (data.length !== dimension) continue; // another dimension under the same name: embedded again below
    vectors.add(row, { scale, data: new Int8Array(data.buffer, data.byteOffset, data.length) });
  }
  if (vectors.count) db.prepare("DELETE FROM vectors WHERE length(data) != ?").run(dimension);
  return vectors;
}

/** Rows per look at the passages: a range of rowids is a few milliseconds of SQLite. */
const RANGE = 20_000;

/**
 * Every passage still to embed, shortest first: each batch then holds passages of about one length,
 * so the embedder pads almost nothing (length bucketing over the whole set, not per batch), and each
 * batch is still committed on its own. Read a range of rows per turn of the event loop: at 1.7 M
 * passages the one query took 1.2 s, all of it with the bot unable to answer.
 */
async function pendingPassages(db: IndexDatabase): Promise<number[]> {
  const last = (db.prepare("SELECT max(rowid) AS last FROM passages").get() as { last: number | null }).last ?? 0;
  const range = db
    .prepare(
      `SELECT p.rowid, p.end - p.start FROM passages p
        WHERE p.rowid > ? AND p.rowid <= ? AND NOT EXISTS (SELECT 1 FROM vectors v WHERE v.passage = p.rowid)`,
    )
    .raw();
  // Length and row packed in one number (length · 2³² + row), so one typed-array sort orders both.
  let keys = new Float64Array(1024);
  let count = 0;
  for (let from = 0; from < last; from += RANGE) {
    for (const [row, length] of range.all(from, from + RANGE) as [number, number][]) {
      if (count === keys.length) {
        const grown = new Float64Array(keys.length * 2);
        grown.set(keys);
        keys = grown;
      }
      keys[count++] = Math.max(0, length) * 2 ** 32 + row;
    }
    if (from + RANGE < last) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const sorted = keys.subarray(0, count).sort();
  return Array.from(sorted, (key) => key % 2 ** 32);
}

export interface EmbedProgress {
  done: number;
  total: number;
  /** Milliseconds to go at the rate so far. */
  etaMs: number;
}

export interface EmbedOptions {
  /** Passages per embedder call: large, so the embedder can sort them by length and pad less. */
  batch?: number;
  onProgress?: (progress: EmbedProgress) => void;
  /** Checked between batches: stop early (closing, or a reindex took over). */
  stopped?: () => boolean;
  /** Aborted to stop within the batch in hand (closing): that batch is not stored, a later run embeds it. */
  signal?: AbortSignal;
}

/**
 * Embeds every passage that has no vector yet, a batch at a time, each batch committed before the
 * next: a killed build resumes where it stopped. New vectors join `vectors` as they are stored,
 * so answers use them at once; passages not yet embedded are still found by the lexical search.
 */
export async function embedMissing(
  db: IndexDatabase,
  index: SearchIndex,
  vectors: { add(row: number, q: Quantized): void; addMany?(rows: number[], qs: Quantized[]): void },
  embedder: Embedder,
  options: EmbedOptions = {},
): Promise<number> {
  const pending = await pendingPassages(db);
  const total = pending.length;
  // A passage removed by a refresh while its batch was embedding has no row to attach to.
  const insert = db.prepare(
    "INSERT OR REPLACE INTO vectors (passage, model, scale, data) SELECT @row, @model, @scale, @data WHERE EXISTS (SELECT 1 FROM passages WHERE rowid = @row)",
  );
  const batch = options.batch ?? 1024;
  const started = Date.now();
  let done = 0;
  while (done < total && !options.stopped?.()) {
    const rows = pending.slice(done, done + batch);
    // Passages deleted by a refresh meanwhile are simply not there any more.
    const passages = index.passagesAt(rows);
    let embedded: Float32Array[] = [];
    try {
      if (passages.length)
        embedded = await embedder.embed(
          passages.map((p) => `${p.title}. ${p.text}`),
          "passage",
          options.signal ? { signal: options.signal } : {},
        );
    } catch (error) {
      if (options.signal?.aborted) break;
      throw error;
    }
    const quantized = embedded.map(quantize);
    const stored = db.transaction(() =>
      passages.filter((p, i) => {
        const q = quantized[i]!;
        const data = Buffer.from(q.data.buffer, q.data.byteOffset, q.data.length);
        return insert.run({ row: p.row, model: embedder.modelId, scale: q.scale, data }).changes > 0;
      }),
    )();
    const added = stored.map((p) => quantized[passages.indexOf(p)]!);
    if (vectors.addMany)
      vectors.addMany(
        stored.map((p) => p.row),
        added,
      );
    else stored.forEach((p, i) => vectors.add(p.row, added[i]!));
    done += rows.length;
    const elapsed = Date.now() - started;
    options.onProgress?.({ done: Math.min(done, total), total, etaMs: (elapsed / done) * Math.max(0, total - done) });
  }
  return done;
}
