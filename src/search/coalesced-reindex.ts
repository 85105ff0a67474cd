// One re-index at a time for the whole process (the /reindex command and the folder watcher).
// A request that arrives while one runs cannot use that run (files may have changed after it
// began), so it is served by exactly one more run afterwards, shared by everyone who asked
// meanwhile. Never more than one running and one waiting; nothing is refused.
import type { ReindexReport } from "../types.js";

export function coalesce(reindex: () => Promise<ReindexReport>): () => Promise<ReindexReport> {
  let running: Promise<ReindexReport> | null = null;
  let next: Promise<ReindexReport> | null = null;

  const start = (): Promise<ReindexReport> => {
    const run = reindex().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      const after = running.then(
        () => undefined,
        () => undefined,
      );
      next = after.then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}
