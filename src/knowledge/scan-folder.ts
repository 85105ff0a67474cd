import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isSystemError, KnowledgeError } from "../errors.js";
import type { KnowledgeProblem } from "../types.js";
import { ARTICLE_EXTENSIONS } from "./build-article.js";

/** Lists one folder (injectable, so tests can make a folder unreadable even to root). */
export type ReadFolder = (dir: string) => Promise<Dirent[]>;

const readFolder: ReadFolder = (dir) => readdir(dir, { withFileTypes: true });

/** One folder of the walk: its own article files (not its sub-folders'), or why it could not be listed. */
export type FolderListing =
  | {
      kind: "files";
      /** Relative to the knowledge folder; "" for the knowledge folder itself. */
      folder: string;
      /** Relative paths of the folder's own article files, sorted. */
      files: string[];
    }
  /** A sub-folder that could not be listed (EACCES …): its articles are left out this time. */
  | { kind: "problem"; problem: KnowledgeProblem };

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The article files under `dir` (hidden files and folders skipped), one folder at a time in name
 * order, so a caller holds one folder's listing, not the archive's. The folder itself must be
 * readable; a sub-folder that cannot be listed is reported and skipped, the rest is walked.
 */
export async function* walkFolders(dir: string, read: ReadFolder = readFolder): AsyncGenerator<FolderListing> {
  const info = await stat(dir).catch((cause: unknown) => {
    throw new KnowledgeError(`The knowledge folder ${dir} cannot be read`, { dir }, { cause });
  });
  if (!info.isDirectory()) throw new KnowledgeError(`The knowledge folder ${dir} is not a folder`, { dir });
  const pending = [""];
  while (pending.length) {
    const folder = pending.pop()!;
    const full = path.join(dir, folder);
    let entries: Dirent[];
    try {
      entries = await read(full);
    } catch (cause) {
      if (folder === "") throw new KnowledgeError(`The knowledge folder ${dir} cannot be read`, { dir }, { cause });
      if (!isSystemError(cause)) throw cause;
      const code = (cause as NodeJS.ErrnoException).code;
      yield {
        kind: "problem",
        problem: { file: folder + path.sep, reason: `the folder cannot be read (${code}); its articles are left out` },
      };
      continue;
    }
    const files: string[] = [];
    const subfolders: string[] = [];
    for (const entry of entries.sort(byName)) {
      if (entry.name.startsWith(".")) continue;
      const rel = folder ? path.join(folder, entry.name) : entry.name;
      if (entry.isDirectory()) subfolders.push(rel);
      else if (entry.isFile() && (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())) {
        files.push(rel);
      }
    }
    // Popped last first: sub-folders are walked in name order.
    pending.push(...subfolders.reverse());
    if (files.length) yield { kind: "files", folder, files };
  }
}
