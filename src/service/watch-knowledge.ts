// Re-index when the knowledge folder changes, with a debounce so a copy of many files is one
// re-index, and never two re-indexes at once. Changes are noticed from file-system events (one watch
// per folder) or, when the system's watch limit is reached or by setting, by a periodic stat scan.
import path from "node:path";
import { ARTICLE_EXTENSIONS } from "../knowledge/build-article.js";
import type { Logger } from "../log.js";
import type { ChangeDetection, ReindexReport } from "../types.js";
import { watchFolders, type FolderEvents, type WatchFolder } from "./folder-events.js";
import { pollFolder, type FolderPoll } from "./folder-poll.js";

export type WatchMode = "auto" | "events" | "poll";

export interface WatchOptions {
  /** auto: events, falling back to polling at the watch limit (the default). */
  mode?: WatchMode;
  debounceMs?: number;
  /** The least time between two scans when polling. */
  pollIntervalMs?: number;
  /** A cache folder inside the knowledge folder would re-trigger itself on every re-index. */
  cacheDir?: string;
  /** How one folder is watched; fs.watch unless a test injects another. */
  watchFolder?: WatchFolder;
}

export interface KnowledgeWatcher {
  /** How changes are being noticed right now (for /status). */
  detection(): ChangeDetection;
  /** Resolves once the folder is fully watched, or polling has its baseline. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

// Editor swap files and hidden files are not articles.
const NOISE = /(^|[/\\])\.|~$|\.swp$|\.tmp$/;
const hidden = (rel: string) => rel.split(path.sep).some((part) => part.startsWith("."));
const isArticle = (rel: string) => (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(rel).toLowerCase());

/** The path of `inside` relative to `dir` when it is inside it ("" if not). */
function innerPrefix(dir: string, inside: string | undefined): string {
  if (!inside) return "";
  const rel = path.relative(path.resolve(dir), path.resolve(inside));
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : "";
}

export function watchKnowledge(
  dir: string,
  reindex: () => Promise<ReindexReport>,
  logger: Logger,
  options: WatchOptions = {},
): KnowledgeWatcher {
  const mode = options.mode ?? "auto";
  const debounceMs = options.debounceMs ?? 1000;
  const pollIntervalMs = options.pollIntervalMs ?? 10_000;
  const cachePrefix = innerPrefix(dir, options.cacheDir);
  const inCache = (rel: string) => !!cachePrefix && (rel === cachePrefix || rel.startsWith(cachePrefix + path.sep));
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
  const changed = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };

  let events: FolderEvents | undefined;
  let poll: FolderPoll | undefined;
  let pollReason = "";
  let manualReason = "";
  let started: Promise<void> = Promise.resolve();

  const startPolling = (reason: string) => {
    pollReason = reason;
    poll = pollFolder(dir, {
      intervalMs: pollIntervalMs,
      skip: (rel, directory) => hidden(rel) || inCache(rel) || (!directory && !isArticle(rel)),
      onChange: changed,
    });
    started = poll.baseline;
  };

  if (mode === "poll") {
    startPolling("set by WATCH_KNOWLEDGE=poll");
    logger.info("checking the knowledge folder for changes by scanning it", { dir, everySeconds: pollIntervalMs / 1000 });
  } else {
    const folderEvents = watchFolders(dir, {
      skip: (rel) => NOISE.test(rel) || inCache(rel),
      onChange: changed,
      watchFolder: options.watchFolder,
      onLimit: (error, folders) => {
        events = undefined;
        const limit = `${error.code} after ${folders} folders`;
        if (mode === "events") {
          manualReason = `file-system watch failed (${limit})`;
          logger.error("cannot watch the knowledge folder; use /reindex after changes, or set WATCH_KNOWLEDGE=auto or poll", {
            dir,
            error,
          });
          return;
        }
        if (closed) return;
        startPolling(`watch limit reached (${limit})`);
        logger.warn(
          `file-system watch limit reached (${limit}); checking the knowledge folder by scanning it every ` +
            `${pollIntervalMs / 1000} s instead (raise fs.inotify.max_user_watches to use events)`,
          { dir },
        );
      },
    });
    // The root itself may already have failed (onLimit ran inside watchFolders).
    if (!poll && !manualReason) {
      events = folderEvents;
      started = folderEvents.started;
      logger.info("watching the knowledge folder", { dir });
    }
  }

  return {
    detection(): ChangeDetection {
      if (poll) return { kind: "poll", intervalSeconds: pollIntervalMs / 1000, files: poll.files(), reason: pollReason };
      if (events) return { kind: "events", folders: events.folders() };
      return { kind: "manual", reason: manualReason || "not watching" };
    },
    async settled() {
      for (let seen: Promise<void> | undefined; seen !== started;) {
        seen = started;
        await seen;
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      events?.close();
      await poll?.close();
      await running;
    },
  };
}
