// Noticing changes from file-system events with one watch per folder. Node 20's recursive fs.watch
// on Linux adds an inotify watch for every file as well, and past fs.inotify.max_user_watches it
// fails (ENOSPC) leaving the rest unwatched; a folder's own watch already reports its files.
import { watch } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { walkFolder } from "./folder-walk.js";

export interface FolderWatch {
  close(): void;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/** Watches one folder (not its subfolders); `name` is the entry that changed, when known. */
export type WatchFolder = (folder: string, onEvent: (name: string | null) => void) => FolderWatch;

export const fsWatchFolder: WatchFolder = (folder, onEvent) => watch(folder, (_event, name) => onEvent(name ? String(name) : null));

/** The errors that mean "no more watches here": the per-user inotify limit, or file descriptors. */
export function isWatchLimit(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOSPC" || code === "EMFILE" || code === "ENFILE";
}

export interface FolderEvents {
  folders(): number;
  /** Resolves when every folder present at the start is watched (or the limit was hit). */
  readonly started: Promise<void>;
  close(): void;
}

export interface EventsOptions {
  skip: (rel: string, directory: boolean) => boolean;
  onChange: () => void;
  /** Called once, when a watch cannot be added or fails for want of watches; nothing is watched after. */
  onLimit: (error: NodeJS.ErrnoException, folders: number) => void;
  watchFolder?: WatchFolder;
}

export function watchFolders(root: string, options: EventsOptions): FolderEvents {
  const watchFolder = options.watchFolder ?? fsWatchFolder;
  const watches = new Map<string, FolderWatch>();
  let closed = false;

  const close = () => {
    closed = true;
    for (const w of watches.values()) w.close();
    watches.clear();
  };
  const limit = (error: NodeJS.ErrnoException) => {
    if (closed) return;
    const folders = watches.size;
    close();
    options.onLimit(error, folders);
  };
  const forget = (rel: string) => {
    for (const [key, w] of watches) {
      if (key === rel || key.startsWith(rel + path.sep)) {
        w.close();
        watches.delete(key);
      }
    }
  };

  /** False when no more folders can be watched. */
  const add = (rel: string): boolean => {
    if (closed) return false;
    if (watches.has(rel)) return true;
    try {
      const w = watchFolder(path.join(root, rel), (name) => onEvent(rel, name));
      w.on("error", (error) => (isWatchLimit(error) ? limit(error) : forget(rel)));
      watches.set(rel, w);
      return true;
    } catch (error) {
      if (isWatchLimit(error)) {
        limit(error);
        return false;
      }
      return true; // gone before it could be watched: its parent's watch reports that
    }
  };

  const addTree = async (rel: string): Promise<void> => {
    if (!add(rel)) return;
    for await (const entry of walkFolder(root, options.skip, rel)) {
      if (closed || (entry.directory && !add(entry.rel))) return;
    }
  };

  function onEvent(folder: string, name: string | null): void {
    if (closed) return;
    const rel = name ? path.join(folder, name) : folder;
    if (name && options.skip(rel, false)) return;
    options.onChange();
    if (!name) return;
    // A new folder (say, copied in with its files) gets its own watches; a removed one loses them.
    stat(path.join(root, rel)).then(
      (s) => void (s.isDirectory() && !watches.has(rel) && !options.skip(rel, true) && addTree(rel)),
      () => forget(rel),
    );
  }

  return { folders: () => watches.size, started: addTree(""), close };
}
