import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isSystemError, KnowledgeError } from "../errors.js";
import type { KnowledgeProblem } from "../types.js";
import { ARTICLE_EXTENSIONS } from "./build-article.js";

/** Lists one folder (injectable, so tests can make a folder unreadable even to root). */
export type ReadFolder = (dir: string) => Promise<Dirent[]>;

const readFolder: ReadFolder = (dir) => readdir(dir, { withFileTypes: true });

export interface FolderScan {
  /** Relative paths of every article file, sorted. */
  files: string[];
  /** Sub-folders that could not be listed, skipped with the reason (their files are not indexed). */
  problems: KnowledgeProblem[];
}

/**
 * Every article file under `dir` (hidden files and folders skipped). The folder itself must be
 * readable; a sub-folder that cannot be listed (EACCES …) is reported and skipped, the rest loads.
 */
export async function scanFolder(dir: string, read: ReadFolder = readFolder): Promise<FolderScan> {
  const info = await stat(dir).catch((cause: unknown) => {
    throw new KnowledgeError(`The knowledge folder ${dir} cannot be read`, { dir }, { cause });
  });
  if (!info.isDirectory()) throw new KnowledgeError(`The knowledge folder ${dir} is not a folder`, { dir });
  const files: string[] = [];
  const problems: KnowledgeProblem[] = [];
  const pending = [dir];
  while (pending.length) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await read(folder);
    } catch (cause) {
      if (folder === dir) throw new KnowledgeError(`The knowledge folder ${dir} cannot be read`, { dir }, { cause });
      if (!isSystemError(cause)) throw cause;
      const code = (cause as NodeJS.ErrnoException).code;
      problems.push({
        file: path.relative(dir, folder) + path.sep,
        reason: `the folder cannot be read (${code}); its articles are left out`,
      });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())) {
        files.push(path.relative(dir, full));
      }
    }
  }
  return { files: files.sort(), problems: problems.sort((a, b) => a.file.localeCompare(b.file)) };
}
