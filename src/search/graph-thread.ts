// The main thread's side of graph-worker.ts. Searches stay synchronous, as retrieval wants them:
// the query is posted and the main thread waits on a shared flag for the reply (a few ms once the
// graph is up; the worker looks at its messages between slices of its own work). Nothing is sent
// before the worker reports its graph open; until then dense search gives nothing and answers are
// lexical, as for passages not yet embedded.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import type { Logger } from "../log.js";
import type { FromGraph, GraphJob, SearchReply, ToGraph } from "./graph-worker.js";
import { siblingModule, startModuleWorker } from "./module-worker.js";
import type { DenseHit, Quantized } from "./quantized-vectors.js";

export type GraphState = "opening" | "building" | "ready" | "failed";

export interface GraphThreadOptions extends Omit<GraphJob, "flag"> {
  /** Longest wait for one search's reply before answering without it. */
  searchTimeoutMs?: number;
}

const minutes = (ms: number) => (ms < 90_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

export class GraphThread {
  state: GraphState = "opening";
  /** Vectors in the graph (as last reported by the worker). */
  count = 0;
  /** Stored vectors the build started from, and how many of them it has read so far. */
  total = 0;
  done = 0;
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly flag: Int32Array;
  private searchId = 0;
  private closed?: Promise<void>;
  private readonly onBuilt: (() => void)[] = [];
  private readonly onFailed: ((reason: string) => void)[] = [];
  private timeoutLogged = false;

  constructor(
    private readonly options: GraphThreadOptions,
    private readonly logger: Logger,
  ) {
    const shared = new SharedArrayBuffer(4);
    this.flag = new Int32Array(shared);
    const { searchTimeoutMs: _timeout, ...job } = options;
    this.worker = startModuleWorker(siblingModule(import.meta.url, "graph-worker"), { ...job, flag: shared } satisfies GraphJob);
    const channel = new MessageChannel();
    this.replies = channel.port1;
    this.worker.postMessage({ kind: "port", port: channel.port2 } satisfies ToGraph, [channel.port2]);
    this.worker.on("message", (m: FromGraph) => this.receive(m));
    this.worker.on("error", (error) => this.fail(String(error)));
    this.worker.on("exit", (code) => {
      if (this.state !== "failed" && !this.closed) this.fail(`the worker exited (code ${code})`);
    });
  }

  private receive(m: FromGraph): void {
    if (m.kind === "log") this.logger[m.level](m.msg, m.fields);
    else if (m.kind === "open") {
      this.state = "building";
      this.count = m.count;
      this.total = m.total;
      if (!m.loaded && m.total > 0)
        this.logger.info(`Building the approximate vector index (HNSW) over ${m.total} passage vectors; answers use what is built so far`);
    } else if (m.kind === "progress") {
      this.done = m.done;
      this.logger.info(`Approximate vector index: ${m.done}/${m.total} vectors read, about ${minutes(m.etaMs)} to go`, {
        added: m.added,
      });
    } else if (m.kind === "built") {
      this.state = "ready";
      this.count = m.count;
      this.done = this.total;
      this.logger.info(`Approximate vector search (HNSW) over ${m.count} passages, ready in ${m.ms} ms`, {
        loaded: m.loaded,
        added: m.added,
        removed: m.removed,
      });
      for (const f of this.onBuilt.splice(0)) f();
    } else if (m.kind === "count") this.count = m.count;
    else if (m.kind === "unavailable") this.fail(m.reason);
  }

  private fail(reason: string): void {
    if (this.state === "failed") return;
    this.state = "failed";
    for (const f of this.onFailed.splice(0)) f(reason);
    void this.worker.terminate();
  }

  /** Resolves once every stored vector is in the graph; rejects when the graph cannot be had. */
  built(): Promise<void> {
    if (this.state === "ready") return Promise.resolve();
    if (this.state === "failed") return Promise.reject(new Error("the approximate vector index failed"));
    return new Promise((resolve, reject) => {
      this.onBuilt.push(resolve);
      this.onFailed.push((reason) => reject(new Error(reason)));
    });
  }

  onFailure(f: (reason: string) => void): void {
    this.onFailed.push(f);
  }

  /** Whether a search gets an answer from the graph (possibly of the vectors added so far). */
  get searchable(): boolean {
    return (this.state === "building" || this.state === "ready") && !this.closed;
  }

  add(rows: number[], vectors: Quantized[]): void {
    if (this.closed || this.state === "failed" || rows.length === 0) return;
    const d = this.options.dimension;
    const data = new Int8Array(rows.length * d);
    vectors.forEach((q, i) => data.set(q.data, i * d));
    this.worker.postMessage({ kind: "add", rows, scales: vectors.map((q) => q.scale), data } satisfies ToGraph, [data.buffer]);
  }

  search(query: Float32Array, k: number): DenseHit[] {
    if (!this.searchable) return [];
    const id = ++this.searchId;
    this.worker.postMessage({ kind: "search", id, query, k } satisfies ToGraph);
    // A reply takes milliseconds; past half a second (a starved machine) the answer goes without it.
    const deadline = performance.now() + (this.options.searchTimeoutMs ?? 500);
    for (;;) {
      const seen = Atomics.load(this.flag, 0);
      if (seen >= id) break;
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.flag, 0, seen, left) === "timed-out") {
        if (!this.timeoutLogged) this.logger.warn("The approximate vector index did not answer in time; answering without it", { k });
        this.timeoutLogged = true;
        return [];
      }
    }
    // Replies to searches that timed out earlier come first: skip them.
    for (let m = receiveMessageOnPort(this.replies); m; m = receiveMessageOnPort(this.replies)) {
      const reply = m.message as SearchReply;
      if (reply.id === id) return reply.rows.map((row, i) => ({ row, score: reply.scores[i]! }));
    }
    return [];
  }

  /** Saves the graph when it changed (a build stopped half-way resumes from it) and ends the worker. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      if (this.state !== "failed") {
        await new Promise<void>((resolve) => {
          const done = (m: FromGraph) => m.kind === "closed" && resolve();
          this.worker.on("message", done);
          this.worker.once("exit", () => resolve());
          this.worker.postMessage({ kind: "close" } satisfies ToGraph);
        });
      }
      await this.worker.terminate();
      this.replies.close();
    })();
    return this.closed;
  }
}
