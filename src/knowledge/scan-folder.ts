import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { KnowledgeError } from "../errors.js";
import { ARTICLE_EXTENSIONS } from "./build-article.js";

/** Relative paths of every article file under `dir` (hidden files and folders skipped), sorted. */
export async function scanFolder(dir: string): Promise<string[]> {
  const info = await stat(dir).catch((cause: unknown) => {
    throw new KnowledgeError(`The knowledge folder ${dir} cannot be read`, { dir }, { cause });
  });
  if (!info.isDirectory()) throw new KnowledgeError(`The knowledge folder ${dir} is not a folder`, { dir });
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    if (relative.split(path.sep).some((part) => part.startsWith("."))) continue;
    if ((ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())) files.push(relative);
  }
  return files.sort();
}
