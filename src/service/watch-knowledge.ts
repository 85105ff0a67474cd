// Re-index when the knowledge folder changes: fs.watch (recursive on Linux since Node 20), with a
// debounce so a copy of many files is one re-index, and never two re-indexes at once.
import { watch, type FSWatcher } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { Logger } from "../log.js";
import type { ReindexReport } from "../types.js";

export interface KnowledgeWatcher {
  close(): Promise<void>;
}

// Editor swap files and hidden files are not articles.
const IGNORED = /(^|[/\\])\.|~$|\.swp$|\.tmp$/;

/** Paths under `dir` that are `inside` it, as a prefix of fs.watch file names ("" if not inside). */
function innerPrefix(dir: string, inside: string | undefined): string {
  if (!inside) return "";
  const rel = relative(resolve(dir), resolve(inside));
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : "";
}

export function watchKnowledge(
  dir: string,
  reindex: () => Promise<ReindexReport>,
  logger: Logger,
  debounceMs = 1000,
  /** A cache folder inside the knowledge folder would re-trigger itself on every re-index. */
  cacheDir?: string,
): KnowledgeWatcher {
  const cachePrefix = innerPrefix(dir, cacheDir);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const r = await reindex();
          logger.info("knowledge folder re-indexed", {
            added: r.added.length,
            changed: r.changed.length,
            removed: r.removed.length,
            problems: r.problems.length,
            passages: r.passages,
          });
        } catch (error) {
          logger.error("re-index after a change failed; the previous index stays in use", { error });
        }
      } while (again && !closed);
    })();
    await running;
    running = null;
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, (_event, file) => {
      const name = file ? String(file) : "";
      if (closed || IGNORED.test(name) || (cachePrefix && name.startsWith(cachePrefix))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), debounceMs);
    });
  } catch (error) {
    logger.warn("cannot watch the knowledge folder; use /reindex after changes", { dir, error });
    return { close: async () => undefined };
  }
  watcher.on("error", (error) => logger.warn("knowledge folder watch failed; use /reindex after changes", { dir, error }));
  logger.info("watching the knowledge folder", { dir });

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
