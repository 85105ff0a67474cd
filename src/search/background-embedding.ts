import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import type { KnowledgeIndex } from "./knowledge-index.js";
import { embedMissing, type EmbedProgress } from "./passage-vectors.js";
import { createHash } from "node:crypto";
import path from "node:path";
import { DenseIndex, type DenseIndexOptions } from "./dense-index.js";

/** Passage vectors of one embedder, kept up to date by one embedding loop at a time. */
export interface Embedding {
  readonly vectors: DenseIndex;
  /** Resolves when no passage is left without a vector and all are searchable (rejects if the last run failed). */
  idle(): Promise<void>;
  /** New passages were indexed: embed them (after the current run, if one is going). */
  wake(): void;
  /** Stops at the embedder's next model call; the batch in hand is left for a later run. */
  stop(): Promise<void>;
  /** How far the run going now has got (null when none is): for /status. */
  progress(): EmbedProgress | null;
}

const minutes = (ms: number) => (ms < 90_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

function progressReporter(logger: Logger, modelId: string): (p: EmbedProgress) => void {
  let last = 0;
  const started = Date.now();
  return (p) => {
    const line = `Embedding passages with ${modelId}: ${p.done}/${p.total}, about ${minutes(p.etaMs)} to go`;
    if (process.stderr.isTTY) process.stderr.write(`\r[newsdesk] ${line}   ${p.done >= p.total ? "\n" : ""}`);
    else if (Date.now() - last > 15_000 || p.done >= p.total) {
      last = Date.now();
      logger.info(line, { done: p.done, total: p.total, elapsedSeconds: Math.round((Date.now() - started) / 1000) });
    }
  };
}

/** Tests' knobs for the dense index (see DenseIndexOptions) and the passages per embedder call. */
export type EmbeddingOptions = Pick<DenseIndexOptions, "approximateFrom" | "sliceMs" | "checkpointMs" | "page"> & { batch?: number };

export function startEmbedding(knowledge: KnowledgeIndex, embedder: Embedder, logger: Logger, options: EmbeddingOptions = {}): Embedding {
  const graphFile = path.join(knowledge.folder, `hnsw-${createHash("sha256").update(embedder.modelId).digest("hex").slice(0, 12)}.bin`);
  const { batch, ...denseOptions } = options;
  const vectors = new DenseIndex({
    ...denseOptions,
    db: knowledge.db,
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    graphFile,
    logger,
  });
  let stopped = false;
  const stopping = new AbortController();
  let again = false;
  let running: Promise<void> = Promise.resolve();
  let progress: EmbedProgress | null = null;

  async function run(): Promise<void> {
    // The stored vectors are read (or their graph opened) a slice at a time: answers meanwhile are lexical.
    await vectors.open();
    do {
      again = false;
      const report = progressReporter(logger, embedder.modelId);
      await embedMissing(knowledge.db, knowledge.search, vectors, embedder, {
        onProgress: (p) => {
          progress = p.done < p.total ? p : null;
          report(p);
        },
        stopped: () => stopped,
        signal: stopping.signal,
        ...(batch !== undefined && { batch }),
      }).finally(() => (progress = null));
    } while (again && !stopped);
  }

  function launch(): void {
    running = run();
    // Failures are logged here and reported again to whoever waits in idle().
    running.catch((error: unknown) => logger.error("Embedding passages failed; unembedded passages are found lexically", { error }));
  }

  let active = false;
  function wake(): void {
    if (active) {
      again = true;
      return;
    }
    active = true;
    launch();
    void running.finally(() => (active = false)).catch(() => {});
  }

  wake();
  return {
    vectors,
    idle: async () => {
      await running;
      // …and every stored vector searchable (the graph read or built: minutes at a million vectors).
      await vectors.ready();
    },
    wake,
    progress: () => progress,
    async stop() {
      stopped = true;
      stopping.abort(new Error("embedding stopped"));
      await running.catch(() => {});
      await vectors.close();
    },
  };
}
