// The worker-thread side of a re-index: opens the folder's index database on its own connection
// and refreshes it inside one transaction. The main thread keeps answering from the database
// meanwhile (WAL: readers are never blocked) and sees the whole change at the commit, never half
// of it. Log lines and the outcome go back as messages.
import { parentPort, threadId, workerData } from "node:worker_threads";
import { repairText } from "../knowledge/repair/index.js";
import type { Logger } from "../log.js";
import { openKnowledgeIndex } from "./knowledge-index.js";
import { indexThreads } from "./prepare-pool.js";
import type { ReindexReport } from "../types.js";

export interface ReindexJob {
  knowledgeDir: string;
  cacheDir: string;
  maxArticleBytes?: number;
}

export type WorkerMessage =
  | { kind: "log"; level: "debug" | "info" | "warn" | "error"; msg: string; fields?: Record<string, unknown> }
  | { kind: "done"; report: ReindexReport; threadId: number }
  | { kind: "failed"; error: { name: string; message: string; stack?: string } };

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

const plainError = (e: unknown) =>
  e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: "Error", message: String(e) };

function plainFields(fields?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? plainError(v) : v]));
}

const logger: Logger = {
  debug: (msg, fields) => post({ kind: "log", level: "debug", msg, fields: plainFields(fields) }),
  info: (msg, fields) => post({ kind: "log", level: "info", msg, fields: plainFields(fields) }),
  warn: (msg, fields) => post({ kind: "log", level: "warn", msg, fields: plainFields(fields) }),
  error: (msg, fields) => post({ kind: "log", level: "error", msg, fields: plainFields(fields) }),
};

async function run(job: ReindexJob): Promise<ReindexReport> {
  const knowledge = await openKnowledgeIndex({
    knowledgeDir: job.knowledgeDir,
    cacheDir: job.cacheDir,
    repair: repairText,
    logger,
    maxArticleBytes: job.maxArticleBytes,
    threads: indexThreads(),
  });
  try {
    // The refresh's own batches become savepoints inside this one transaction.
    knowledge.db.exec("BEGIN IMMEDIATE");
    try {
      const report = await knowledge.refresh();
      // A damaged database is rebuilt on a new connection, which commits as it goes.
      if (knowledge.db.inTransaction) knowledge.db.exec("COMMIT");
      return report;
    } catch (error) {
      if (knowledge.db.inTransaction) knowledge.db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    knowledge.close();
  }
}

run(workerData as ReindexJob).then(
  (report) => post({ kind: "done", report, threadId }),
  (error: unknown) => post({ kind: "failed", error: plainError(error) }),
);
