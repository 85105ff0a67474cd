// Noticing changes without file-system events: a periodic walk that stats every article file and
// compares one digest of (path, size, mtime) with the previous walk's, so memory stays the same
// whatever the number of files. The wait between walks grows with the walk's own duration, so
// scanning a large tree never takes more than a fifth of the time.
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { walkFolder } from "./folder-walk.js";

export interface FolderPoll {
  /** Article files seen by the last completed walk. */
  files(): number;
  /** Resolves when the first walk (the baseline) is done. */
  readonly baseline: Promise<void>;
  close(): Promise<void>;
}

export interface PollOptions {
  intervalMs: number;
  /** Folders (directory true) and files to leave out. */
  skip: (rel: string, directory: boolean) => boolean;
  onChange: () => void;
}

/** Stats requested at once: enough to keep libuv's thread pool busy, few enough to stay small. */
const STATS_AT_ONCE = 64;
const MAX_SHARE = 5;

export function pollFolder(root: string, options: PollOptions): FolderPoll {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  let files = 0;
  let walking: Promise<void> = Promise.resolve();

  async function walk(): Promise<{ digest: string; files: number }> {
    const hash = createHash("sha1");
    let count = 0;
    let batch: string[] = [];
    const flush = async () => {
      const stats = await Promise.all(batch.map((rel) => stat(path.join(root, rel)).catch(() => undefined)));
      stats.forEach((s, k) => hash.update(`${batch[k]}\0${s ? `${s.size}:${s.mtimeMs}` : "gone"}\n`));
      batch = [];
    };
    for await (const entry of walkFolder(root, options.skip)) {
      if (closed) break;
      if (entry.directory) continue;
      batch.push(entry.rel);
      count++;
      if (batch.length >= STATS_AT_ONCE) await flush();
    }
    await flush();
    return { digest: hash.digest("hex"), files: count };
  }

  const tick = async (): Promise<void> => {
    const started = performance.now();
    // walk() reports unreadable parts as changes rather than failing; this is only a safety net.
    const seen = await walk().catch(() => undefined);
    if (closed) return;
    if (seen) {
      if (last !== undefined && seen.digest !== last) options.onChange();
      last = seen.digest;
      files = seen.files;
    }
    const wait = Math.max(options.intervalMs, (performance.now() - started) * (MAX_SHARE - 1));
    timer = setTimeout(() => (walking = tick()), wait);
  };
  walking = tick();
  const baseline = walking;

  return {
    files: () => files,
    baseline,
    async close() {
      closed = true;
      clearTimeout(timer);
      await walking;
    },
  };
}
