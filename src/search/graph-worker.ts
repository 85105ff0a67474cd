// The HNSW graph of the passage vectors, on a worker thread (graph-thread.ts starts it). It reads
// the vectors from the database itself, a page at a time, and adds them to the graph in slices of
// a few milliseconds, so the searches the main thread sends between slices are answered while a
// build of 1.7 M vectors runs for many minutes. The main thread holds no copy of the vectors.
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { dequantize } from "./quantized-vectors.js";

export interface GraphJob {
  databaseFile: string;
  graphFile: string;
  modelId: string;
  dimension: number;
  /** hnswlib's links per node, candidate lists while building and searching. */
  m: number;
  efConstruction: number;
  efSearch: number;
  /** Longest stretch of graph work between two looks at the message queue. */
  sliceMs: number;
  /** A long build writes the graph this often, so a restart resumes it. */
  checkpointMs: number;
  /** Where the worker writes the id of the last search it answered (Int32Array over it). */
  flag: SharedArrayBuffer;
}

export type ToGraph =
  | { kind: "port"; port: MessagePort }
  | { kind: "search"; id: number; query: Float32Array; k: number }
  | { kind: "add"; rows: number[]; scales: number[]; data: Int8Array }
  | { kind: "close" };

export type FromGraph =
  | { kind: "log"; level: "debug" | "info" | "warn" | "error"; msg: string; fields?: Record<string, unknown> }
  /** The graph answers searches (from its file, or as built so far). */
  | { kind: "open"; loaded: boolean; count: number; total: number }
  | { kind: "progress"; done: number; total: number; added: number; etaMs: number }
  /** Every stored vector is in the graph. */
  | { kind: "built"; count: number; added: number; removed: number; loaded: boolean; ms: number }
  | { kind: "count"; count: number }
  | { kind: "unavailable"; reason: string }
  | { kind: "closed" };

export interface SearchReply {
  id: number;
  rows: number[];
  scores: number[];
}

type Hnsw = import("hnswlib-node").HierarchicalNSW;

const job = workerData as GraphJob;
const port = parentPort!;
const post = (m: FromGraph) => port.postMessage(m);
const log = (level: "debug" | "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) =>
  post({ kind: "log", level, msg, ...(fields && { fields }) });
const flag = new Int32Array(job.flag);
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

let replies: MessagePort | undefined;
let graph: Hnsw | undefined;
const labels = new Set<number>();
/** Labels added since the graph was last written. */
let dirty = 0;
let saving: Promise<void> | undefined;
let building = true;
let closing = false;
/** Vectors sent by the main thread (new embeddings), added between slices. */
const pending: { row: number; vector: Float32Array }[] = [];

function add(row: number, vector: Float32Array): boolean {
  if (labels.has(row)) return false;
  if (graph!.getCurrentCount() >= graph!.getMaxElements()) graph!.resizeIndex(Math.ceil(graph!.getMaxElements() * 1.25) + 1024);
  graph!.addPoint(Array.from(vector), row);
  labels.add(row);
  dirty++;
  return true;
}

function answer(id: number, query: Float32Array, k: number): void {
  let reply: SearchReply = { id, rows: [], scores: [] };
  if (graph && labels.size > 0) {
    try {
      const { neighbors, distances } = graph.searchKnn(Array.from(query), Math.min(k, labels.size));
      // hnswlib's inner-product distance is 1 − dot.
      reply = { id, rows: neighbors, scores: distances.map((d) => 1 - d) };
    } catch (error) {
      log("warn", "An approximate vector search failed; answering without it", { error: String(error) });
    }
  }
  replies?.postMessage(reply);
  Atomics.store(flag, 0, id);
  Atomics.notify(flag, 0);
}

/** Writes the graph to a temporary file, then renames it over the old one: never half a graph. */
async function save(): Promise<void> {
  if (!graph || dirty === 0) return;
  const temporary = `${job.graphFile}.tmp`;
  const writing = dirty;
  saving = (async () => {
    try {
      await graph!.writeIndex(temporary);
      await rename(temporary, job.graphFile);
      dirty -= writing;
    } catch (error) {
      log("warn", "The approximate vector index could not be saved; it is rebuilt or completed at the next start", {
        error: String(error),
      });
      await rm(temporary, { force: true });
    }
  })();
  await saving;
  saving = undefined;
}

function drainPending(): void {
  // addPoint while writeIndex reads the graph on another thread is not safe: wait for the write.
  if (saving || !graph) return;
  const before = labels.size;
  for (const p of pending.splice(0)) add(p.row, p.vector);
  if (labels.size !== before && !building) post({ kind: "count", count: labels.size });
}

port.on("message", (m: ToGraph) => {
  if (m.kind === "port") replies = m.port;
  else if (m.kind === "search") answer(m.id, m.query, m.k);
  else if (m.kind === "add") {
    const d = job.dimension;
    m.rows.forEach((row, i) =>
      pending.push({ row, vector: dequantize({ scale: m.scales[i]!, data: m.data.subarray(i * d, (i + 1) * d) }) }),
    );
    if (!building) drainPending();
  } else if (m.kind === "close") void close();
});

async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await saving;
  drainPending();
  await save();
  post({ kind: "closed" });
}

async function openGraph(hnswlib: typeof import("hnswlib-node"), total: number): Promise<{ graph: Hnsw; loaded: boolean }> {
  const maxElements = Math.ceil(total * 1.05) + 1024;
  if (existsSync(job.graphFile)) {
    const read = new hnswlib.HierarchicalNSW("ip", job.dimension);
    try {
      await read.readIndex(job.graphFile, true);
      if (read.getNumDimensions() !== job.dimension) throw new Error(`it has ${read.getNumDimensions()} dimensions, not ${job.dimension}`);
      if (read.getMaxElements() < maxElements) read.resizeIndex(maxElements);
      return { graph: read, loaded: true };
    } catch (error) {
      log("warn", "The approximate vector index is unreadable; rebuilding it", { error: String(error), file: job.graphFile });
    }
  }
  const fresh = new hnswlib.HierarchicalNSW("ip", job.dimension);
  fresh.initIndex({ maxElements, m: job.m, efConstruction: job.efConstruction, allowReplaceDeleted: true });
  return { graph: fresh, loaded: false };
}

async function build(): Promise<void> {
  let hnswlib: typeof import("hnswlib-node");
  try {
    hnswlib = (await import("hnswlib-node")).default;
  } catch (error) {
    post({ kind: "unavailable", reason: String(error) });
    return;
  }
  const started = performance.now();
  const db = new Database(job.databaseFile);
  db.pragma("busy_timeout = 10000");
  try {
    const { total, last } = db.prepare("SELECT count(*) AS total, coalesce(max(passage), 0) AS last FROM vectors").get() as {
      total: number;
      last: number;
    };
    const opened = await openGraph(hnswlib, total);
    graph = opened.graph;
    graph.setEf(job.efSearch);
    const fromFile = opened.loaded ? graph.getIdsList() : [];
    for (const label of fromFile) labels.add(label);
    post({ kind: "open", loaded: opened.loaded, count: labels.size, total });

    // Every stored vector, a page at a time (each page its own read, so the WAL is never held),
    // leaving the slice as soon as its time is up, mid-page if need be.
    const page = db.prepare("SELECT passage, model, scale, data FROM vectors WHERE passage > ? ORDER BY passage LIMIT 1024").raw();
    const seen = new Uint8Array(last + 1);
    const foreign: number[] = [];
    let done = 0;
    let added = 0;
    let after = 0;
    let sliceStart = performance.now();
    let lastReport = performance.now();
    let lastSave = performance.now();
    const buildStart = performance.now();
    let rows: [number, string, number, Buffer][] = [];
    let next = 0;
    for (;;) {
      if (closing) return;
      if (next === rows.length) {
        rows = page.all(after) as [number, string, number, Buffer][];
        next = 0;
        if (rows.length === 0) break;
      }
      while (next < rows.length) {
        const [row, model, scale, data] = rows[next++]!;
        after = row;
        done++;
        if (model !== job.modelId || data.length !== job.dimension) foreign.push(row);
        else {
          seen[row] = 1;
          if (!labels.has(row) && add(row, dequantize({ scale, data: new Int8Array(data.buffer, data.byteOffset, data.length) }))) added++;
        }
        if (performance.now() - sliceStart >= job.sliceMs) break;
      }
      if (performance.now() - sliceStart < job.sliceMs) continue;
      post({ kind: "count", count: labels.size });
      await pause();
      sliceStart = performance.now();
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        const elapsed = performance.now() - buildStart;
        post({ kind: "progress", done, total, added, etaMs: (elapsed / done) * Math.max(0, total - done) });
      }
      if (added > 0 && performance.now() - lastSave > job.checkpointMs) {
        await save();
        lastSave = sliceStart = performance.now();
      }
    }
    // Passages removed since the graph was written: their vectors went with them (ON DELETE CASCADE).
    let removed = 0;
    for (const label of fromFile) {
      if (label < seen.length && seen[label]) continue;
      if (!labels.has(label)) continue;
      labels.delete(label);
      try {
        graph.markDelete(label);
        removed++;
        dirty++;
      } catch {
        // Deleted already in the file (its id list keeps deleted labels).
      }
    }
    if (foreign.length) {
      const drop = db.prepare("DELETE FROM vectors WHERE passage = ? AND (model != ? OR length(data) != ?)");
      let dropped = 0;
      for (let i = 0; i < foreign.length; i += 1000) {
        dropped += db.transaction(() =>
          foreign.slice(i, i + 1000).reduce((n, row) => n + drop.run(row, job.modelId, job.dimension).changes, 0),
        )();
        await pause();
      }
      log("info", `Dropped ${dropped} passage vectors of another embedding model`, { modelId: job.modelId });
    }
    building = false;
    drainPending();
    post({ kind: "built", count: labels.size, added, removed, loaded: opened.loaded, ms: Math.round(performance.now() - started) });
    await save();
    drainPending();
  } finally {
    db.close();
  }
}

build().catch((error: unknown) => {
  log("error", "Building the approximate vector index failed; dense search is off until the next start", {
    error: error instanceof Error ? error.message : String(error),
  });
  post({ kind: "unavailable", reason: String(error) });
});
