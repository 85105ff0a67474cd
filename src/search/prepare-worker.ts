// The worker-thread side of a parallel index build: prepares the files it is sent (prepare-file.ts)
// and posts the rows back; the main thread writes them in order, so the index is the same as a
// build on one thread.
import { parentPort, workerData } from "node:worker_threads";
import { repairText } from "../knowledge/repair/index.js";
import { mapLimit, prepareFile, type PrepareJob, type PrepareOutcome } from "./prepare-file.js";

export interface PrepareTask {
  task: number;
  jobs: PrepareJob[];
}

export type PrepareReply =
  | { task: number; kind: "done"; outcomes: PrepareOutcome[] }
  | { task: number; kind: "failed"; error: { name: string; message: string; stack?: string } };

const { knowledgeDir } = workerData as { knowledgeDir: string };

parentPort!.on("message", ({ task, jobs }: PrepareTask) => {
  mapLimit(jobs, 8, (job) => prepareFile(knowledgeDir, job, repairText)).then(
    (outcomes) => parentPort!.postMessage({ task, kind: "done", outcomes } satisfies PrepareReply),
    (e: unknown) => {
      const error = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: "Error", message: String(e) };
      parentPort!.postMessage({ task, kind: "failed", error } satisfies PrepareReply);
    },
  );
});
