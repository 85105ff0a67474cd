import type { Logger } from "../log.js";
import type { Embedder } from "../types.js";
import type { KnowledgeIndex } from "./knowledge-index.js";
import { embedMissing, loadVectors, type EmbedProgress } from "./passage-vectors.js";
import { createHash } from "node:crypto";
import path from "node:path";
import { DenseIndex } from "./dense-index.js";

/** Passage vectors of one embedder, kept up to date by one embedding loop at a time. */
export interface Embedding {
  readonly vectors: DenseIndex;
  /** Resolves when no passage is left without a vector (rejects if the last run failed). */
  idle(): Promise<void>;
  /** New passages were indexed: embed them (after the current run, if one is going). */
  wake(): void;
  /** Stops after the batch in hand. */
  stop(): Promise<void>;
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

export function startEmbedding(knowledge: KnowledgeIndex, embedder: Embedder, logger: Logger): Embedding {
  const graphFile = path.join(knowledge.folder, `hnsw-${createHash("sha256").update(embedder.modelId).digest("hex").slice(0, 12)}.bin`);
  const vectors = new DenseIndex(loadVectors(knowledge.db, embedder.modelId, embedder.dimension, logger), graphFile, logger);
  const liveRows = () => new Set((knowledge.db.prepare("SELECT rowid FROM passages").raw().all() as number[][]).map((r) => r[0]!));
  let stopped = false;
  let again = false;
  let running: Promise<void> = Promise.resolve();

  async function run(): Promise<void> {
    await vectors.maybeApproximate(liveRows);
    do {
      again = false;
      await embedMissing(knowledge.db, knowledge.search, vectors, embedder, {
        onProgress: progressReporter(logger, embedder.modelId),
        stopped: () => stopped,
      });
      await vectors.maybeApproximate(liveRows);
    } while (again && !stopped);
    await vectors.save();
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
    },
    wake,
    async stop() {
      stopped = true;
      await running.catch(() => {});
    },
  };
}
