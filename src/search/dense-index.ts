// Dense search over the passages embedded so far: exact over int8 vectors in this thread while
// that is cheap, an HNSW graph (hnswlib-node, optional) on a worker thread above APPROXIMATE_FROM
// vectors (graph-thread.ts). Nothing here blocks the event loop for long: the exact vectors are
// read a page at a time, and the graph is read or built by the worker, which answers searches
// with what it holds so far. Above the threshold this thread keeps no copy of the vectors: the
// graph holds them as float32 already and the database as int8.
import type { Logger } from "../log.js";
import { GraphThread, type GraphState } from "./graph-thread.js";
import type { IndexDatabase } from "./open-database.js";
import { QuantizedVectors, type DenseHit, type Quantized } from "./quantized-vectors.js";

/** Exact int8 search costs about 0.65 µs a vector here (2 cores, `tools/bench/vector-sweep.ts`):
 *  past about 75,000 vectors a question spends over 50 ms on it. */
export const APPROXIMATE_FROM = 50_000;

/** What `/status` and the bench show of dense search. */
export interface DenseStatus {
  /** exact: in this thread; loading: exact vectors being read; graph-*: the HNSW worker's state. */
  search: "loading" | "exact" | `graph-${GraphState}`;
  /** Vectors searched. */
  vectors: number;
}

export interface DenseIndexOptions {
  db: IndexDatabase;
  modelId: string;
  dimension: number;
  /** The graph's file, beside the database. */
  graphFile: string;
  logger: Logger;
  approximateFrom?: number;
  /** Rows read per turn of the event loop while loading exact vectors. */
  page?: number;
  /** Worker settings (tests make slices small to see searches answered mid-build). */
  sliceMs?: number;
  checkpointMs?: number;
}

export class DenseIndex {
  private exact?: QuantizedVectors;
  private graph?: GraphThread;
  private loading = true;
  private readonly approximateFrom: number;
  private opened?: Promise<void>;

  constructor(private readonly options: DenseIndexOptions) {
    this.approximateFrom = options.approximateFrom ?? APPROXIMATE_FROM;
  }

  get count(): number {
    if (this.graph && (this.graph.state === "ready" || !this.exact)) return this.graph.count;
    return this.exact?.count ?? 0;
  }

  get approximate(): boolean {
    return this.graph?.state === "ready";
  }

  status(): DenseStatus {
    if (this.graph && (this.graph.state !== "opening" || !this.exact)) return { search: `graph-${this.graph.state}`, vectors: this.count };
    return { search: this.loading ? "loading" : "exact", vectors: this.count };
  }

  /** Reads the stored vectors (exact) or starts the graph's worker (above the threshold). */
  open(): Promise<void> {
    this.opened ??= this.load();
    return this.opened;
  }

  private async load(): Promise<void> {
    const { db } = this.options;
    // Counting 1.7 M rows would read them all here: skipping past the threshold reads no more than that.
    const large = db.prepare("SELECT 1 FROM vectors LIMIT 1 OFFSET ?").get(this.approximateFrom) !== undefined;
    if (large && this.startGraph()) {
      this.loading = false;
      return;
    }
    await this.loadExact();
  }

  private async loadExact(): Promise<void> {
    const { db, modelId, dimension, logger } = this.options;
    this.loading = true;
    const dropped = db.prepare("DELETE FROM vectors WHERE model != ? OR length(data) != ?").run(modelId, dimension).changes;
    if (dropped) logger.info(`Dropped ${dropped} passage vectors of another embedding model`, { modelId });
    const exact = new QuantizedVectors(dimension);
    this.exact = exact;
    const page = db.prepare("SELECT passage, scale, data FROM vectors WHERE passage > ? ORDER BY passage LIMIT ?").raw();
    const size = this.options.page ?? 5000;
    for (let after = 0; ;) {
      const rows = page.all(after, size) as [number, number, Buffer][];
      for (const [row, scale, data] of rows) exact.add(row, { scale, data: new Int8Array(data.buffer, data.byteOffset, data.length) });
      if (rows.length < size) break;
      after = rows[rows.length - 1]![0];
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.loading = false;
  }

  /** Starts the worker; false when the database has no file a worker can open (in memory). */
  private startGraph(): boolean {
    const { db, modelId, dimension, graphFile, logger } = this.options;
    if (db.memory) return false;
    const graph = new GraphThread(
      {
        databaseFile: db.name,
        graphFile,
        modelId,
        dimension,
        m: 16,
        efConstruction: 64,
        efSearch: 64,
        sliceMs: this.options.sliceMs ?? 20,
        checkpointMs: this.options.checkpointMs ?? 10 * 60_000,
      },
      logger,
    );
    this.graph = graph;
    graph.onFailure((reason) => {
      logger.warn("Approximate vector search is unavailable; dense search stays exact (slower on large corpora)", { reason });
      // The vectors are still in the database: search them exactly (slow above the threshold, but right).
      if (!this.exact) void this.loadExact();
    });
    // Once the graph holds everything, the exact copy only takes room.
    void graph.built().then(
      () => (this.exact = undefined),
      () => {},
    );
    return true;
  }

  /** A vector just stored: searched from now on. */
  add(row: number, q: Quantized): void {
    this.addMany([row], [q]);
  }

  addMany(rows: number[], vectors: Quantized[]): void {
    if (this.exact) rows.forEach((row, i) => this.exact!.add(row, vectors[i]!));
    if (this.graph && this.graph.state !== "failed") this.graph.add(rows, vectors);
    else if (!this.graph && this.exact && this.exact.count >= this.approximateFrom) this.startGraph();
  }

  search(query: Float32Array, k: number): DenseHit[] {
    if (this.graph?.searchable && (this.graph.state === "ready" || !this.exact)) return this.graph.search(query, k);
    return this.exact?.search(query, k) ?? [];
  }

  /** Resolves when every stored vector is searchable (the graph built, or the exact vectors read). */
  async ready(): Promise<void> {
    await this.open();
    if (this.graph) await this.graph.built().catch(() => this.opened);
    while (this.loading) await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }

  /** Saves the graph if it changed and ends its worker. */
  async close(): Promise<void> {
    await this.graph?.close();
  }
}
