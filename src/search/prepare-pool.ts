// Worker threads that prepare files for the index (prepare-worker.ts) while this thread writes the
// database: the per-article work (repair, sentences, stems) is nine tenths of a build's CPU, the
// SQLite writes the rest. Results come back in the order asked, so the rows are written in the
// same order as by one thread.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { IndexError } from "../errors.js";
import { siblingModule, startModuleWorker } from "./module-worker.js";
import type { PrepareJob, PrepareOutcome } from "./prepare-file.js";
import type { PrepareReply, PrepareTask } from "./prepare-worker.js";

export interface PreparePool {
  prepare(jobs: readonly PrepareJob[]): Promise<PrepareOutcome[]>;
  close(): Promise<void>;
}

/** A large build prepares articles on one worker per core (at most 4) while this thread writes. */
export function indexThreads(): number {
  return Math.min(availableParallelism(), 4);
}

/** Files per message: small enough to keep every worker busy to the end of a batch. */
const CHUNK = 16;

interface Pending {
  task: number;
  jobs: PrepareJob[];
  resolve: (outcomes: PrepareOutcome[]) => void;
  reject: (error: Error) => void;
}

export function startPreparePool(knowledgeDir: string, threads: number): PreparePool {
  const queue: Pending[] = [];
  const running = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  let broken: Error | undefined;
  let nextTask = 0;
  let closing = false;

  function fail(error: Error): void {
    broken ??= error;
    for (const p of [...queue.splice(0), ...running.values()]) p.reject(broken);
    running.clear();
  }
  function pump(): void {
    while (!broken && idle.length && queue.length) {
      const worker = idle.pop()!;
      const p = queue.shift()!;
      running.set(worker, p);
      worker.postMessage({ task: p.task, jobs: p.jobs } satisfies PrepareTask);
    }
  }

  const workers = Array.from({ length: threads }, () => {
    const worker = startModuleWorker(siblingModule(import.meta.url, "prepare-worker"), { knowledgeDir });
    worker.on("message", (reply: PrepareReply) => {
      const p = running.get(worker);
      if (!p || p.task !== reply.task) return;
      running.delete(worker);
      idle.push(worker);
      if (reply.kind === "done") p.resolve(reply.outcomes);
      else p.reject(new IndexError(`Preparing articles failed: ${reply.error.message}`, { workerStack: reply.error.stack }));
      pump();
    });
    worker.on("error", (error) => fail(error));
    worker.on("exit", (code) => {
      if (!closing) fail(new IndexError(`An indexing worker exited (code ${code})`, { code }));
    });
    idle.push(worker);
    return worker;
  });

  return {
    async prepare(jobs) {
      if (broken) throw broken;
      const chunks: Promise<PrepareOutcome[]>[] = [];
      for (let i = 0; i < jobs.length; i += CHUNK) {
        chunks.push(new Promise((resolve, reject) => queue.push({ task: nextTask++, jobs: jobs.slice(i, i + CHUNK), resolve, reject })));
      }
      pump();
      return (await Promise.all(chunks)).flat();
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
