// A re-index on a worker thread (reindex-worker.ts), so reading, parsing, chunking and writing
// 2,000 articles never holds up the event loop that answers Discord. Resolves with the report
// once the worker has committed; the worker's log lines go to `logger`.
import { IndexError } from "../errors.js";
import type { Logger } from "../log.js";
import type { ReindexReport } from "../types.js";
import { siblingModule, startModuleWorker } from "./module-worker.js";
import type { ReindexJob, WorkerMessage } from "./reindex-worker.js";

export function reindexOffThread(job: ReindexJob, logger: Logger): Promise<ReindexReport> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(siblingModule(import.meta.url, "reindex-worker"), job);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "log") logger[m.level](m.msg, m.fields);
      else if (m.kind === "done") {
        logger.debug("re-index ran on a worker thread", { threadId: m.threadId });
        settle(() => resolve(m.report));
      } else settle(() => reject(new IndexError(`Re-indexing failed: ${m.error.message}`, { workerStack: m.error.stack })));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) =>
      settle(() => reject(new IndexError(`The re-index worker exited (code ${code}) before reporting`, { code }))),
    );
  });
}
