// Every entry under a folder, depth first with names sorted (the same tree walks in the same order),
// awaiting a macrotask between batches so a walk of 200,000 files never holds the event loop.
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";

export interface WalkEntry {
  /** Path relative to the walked root, as path.join builds it. */
  rel: string;
  directory: boolean;
}

const BATCH = 256;

/** Entries under `root` (from its subfolder `from`) for which `skip(rel, directory)` is false; a
 *  skipped folder is not entered, an unreadable one is passed over. `rel` is relative to `root`. */
export async function* walkFolder(root: string, skip: (rel: string, directory: boolean) => boolean, from = ""): AsyncGenerator<WalkEntry> {
  const pending = [from];
  let sinceYield = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, dir), { withFileTypes: true });
    } catch {
      continue; // removed while walking, or not readable: the next walk sees it again
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const rel = dir ? path.join(dir, entry.name) : entry.name;
      const directory = entry.isDirectory();
      if (skip(rel, directory)) continue;
      if (directory) subfolders.push(rel);
      yield { rel, directory };
      if (++sinceYield >= BATCH) {
        sinceYield = 0;
        await nextTurn();
      }
    }
    pending.push(...subfolders.reverse());
  }
}
