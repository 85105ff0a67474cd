// Dense search over the passages embedded so far: exact over the int8 vectors while that is
// cheap, an HNSW graph (hnswlib-node, optional) above APPROXIMATE_FROM vectors. The graph is kept
// in a file beside the database and brought up to date on load (new rows added, removed rows
// marked deleted), so a restart does not rebuild it.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Logger } from "../log.js";
import type { DenseHit, Quantized, QuantizedVectors } from "./quantized-vectors.js";

/** Exact int8 search costs about 0.65 µs a vector here (2 cores, `tools/bench/vector-sweep.ts`):
 *  past about 75,000 vectors a question spends over 50 ms on it. */
export const APPROXIMATE_FROM = 50_000;

type Hnsw = import("hnswlib-node").HierarchicalNSW;

export class DenseIndex {
  private graph?: Hnsw;
  private labels?: Set<number>;
  private dirty = false;

  constructor(
    readonly vectors: QuantizedVectors,
    private readonly file: string,
    private readonly logger: Logger,
    private readonly approximateFrom = APPROXIMATE_FROM,
  ) {}

  get count(): number {
    return this.vectors.count;
  }

  get approximate(): boolean {
    return this.graph !== undefined;
  }

  add(row: number, q: Quantized): void {
    this.vectors.add(row, q);
    if (this.graph) this.addToGraph(this.graph, row, this.vectors.count - 1);
  }

  search(query: Float32Array, k: number): DenseHit[] {
    if (!this.graph || this.labels!.size === 0) return this.vectors.search(query, k);
    const { neighbors, distances } = this.graph.searchKnn(Array.from(query), Math.min(k, this.labels!.size));
    // hnswlib's inner-product distance is 1 − dot.
    return neighbors.map((row, i) => ({ row, score: 1 - distances[i]! })).sort((a, b) => b.score - a.score || a.row - b.row);
  }

  private addToGraph(graph: Hnsw, row: number, index: number): void {
    if (this.labels!.has(row)) return;
    if (graph.getCurrentCount() >= graph.getMaxElements()) graph.resizeIndex(Math.ceil(graph.getMaxElements() * 1.5) + 1024);
    graph.addPoint(Array.from(this.vectors.vector(index).vector), row);
    this.labels!.add(row);
    this.dirty = true;
  }

  /** Switches to the graph once there are enough vectors (and hnswlib-node loads); `live` are the
   *  passage rows that still exist. Returns whether approximate search is on. */
  async maybeApproximate(live: () => Set<number>): Promise<boolean> {
    if (this.graph || this.vectors.count < this.approximateFrom) return this.approximate;
    let hnswlib: typeof import("hnswlib-node");
    try {
      hnswlib = (await import("hnswlib-node")).default;
    } catch (error) {
      this.logger.warn("hnswlib-node is not available; dense search stays exact (slower on large corpora)", { error });
      this.graph = undefined;
      return false;
    }
    const started = Date.now();
    const dimension = this.vectors.dimension;
    const graph = new hnswlib.HierarchicalNSW("ip", dimension);
    let loaded = false;
    if (existsSync(this.file)) {
      try {
        graph.readIndexSync(this.file, true);
        loaded = graph.getNumDimensions() === dimension;
      } catch (error) {
        this.logger.warn("The approximate vector index is unreadable; rebuilding it", { error, file: this.file });
      }
    }
    if (!loaded) graph.initIndex({ maxElements: this.vectors.count + 1024, m: 16, efConstruction: 64, allowReplaceDeleted: true });
    graph.setEf(64);
    this.graph = graph;
    this.labels = new Set(loaded ? graph.getIdsList() : []);
    const rows = live();
    for (const label of [...this.labels]) {
      if (!rows.has(label)) {
        graph.markDelete(label);
        this.labels.delete(label);
        this.dirty = true;
      }
    }
    for (let i = 0; i < this.vectors.count; i++) {
      const { row } = this.vectors.vector(i);
      if (rows.has(row)) this.addToGraph(graph, row, i);
    }
    this.logger.info(`Approximate vector search (HNSW) over ${this.labels.size} passages, ready in ${Date.now() - started} ms`, {
      loaded,
    });
    await this.save();
    return true;
  }

  /** Writes the graph when it changed: a temporary file, then a rename over the old one. */
  async save(): Promise<void> {
    if (!this.graph || !this.dirty) return;
    const temporary = `${this.file}.tmp`;
    try {
      this.graph.writeIndexSync(temporary);
      await rename(temporary, this.file);
      this.dirty = false;
    } catch (error) {
      this.logger.warn("The approximate vector index could not be saved; it is rebuilt at the next start", { error });
      await rm(temporary, { force: true });
    }
  }
}
