import { readFile } from "node:fs/promises";
import path from "node:path";
import { isSystemError, UnreadableFile } from "../errors.js";
import { buildArticle, hashBytes } from "../knowledge/build-article.js";
import { scanFolder } from "../knowledge/scan-folder.js";
import type { Logger } from "../log.js";
import type { KnowledgeProblem, ReindexReport } from "../types.js";
import { fromCached, indexFolder, loadIndexCache, saveIndexCache, toCached, type CachedEntry } from "./index-cache.js";
import { indexArticle, type IndexedArticle } from "./search-index.js";

export interface RefreshOptions {
  knowledgeDir: string;
  cacheDir: string;
  repair: (body: string) => string;
  logger: Logger;
}

export interface RefreshResult {
  items: IndexedArticle[];
  report: ReindexReport;
  /** Where this folder's cache files live (vectors go there too). */
  folder: string;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

async function readCache(folder: string, logger: Logger): Promise<Map<string, CachedEntry>> {
  try {
    return new Map((await loadIndexCache(folder))?.map((e) => [e.file, e]) ?? []);
  } catch (error) {
    logger.warn("The index cache is unusable and will be rebuilt", { error });
    return new Map();
  }
}

/**
 * Brings the index up to date with the knowledge folder: unchanged files (same content hash)
 * come from the cache, changed and new ones are rebuilt, a broken file is reported by name
 * and skipped. The cache is rewritten atomically only when something changed.
 */
export async function refreshIndex(options: RefreshOptions): Promise<RefreshResult> {
  const { knowledgeDir, logger } = options;
  const folder = indexFolder(options.cacheDir, knowledgeDir);
  const files = await scanFolder(knowledgeDir);
  const cache = await readCache(folder, logger);
  const report: ReindexReport = { added: [], changed: [], removed: [], unchanged: 0, problems: [], passages: 0 };
  const problems: KnowledgeProblem[] = report.problems;
  const entries = await mapLimit(files, 16, async (file): Promise<CachedEntry | undefined> => {
    try {
      const bytes = await readFile(path.join(knowledgeDir, file));
      const cached = cache.get(file);
      if (cached && cached.article.hash === hashBytes(bytes)) {
        report.unchanged++;
        return cached;
      }
      const entry = toCached(file, indexArticle(buildArticle(file, bytes, options.repair)));
      (cached ? report.changed : report.added).push(entry.article.id);
      return entry;
    } catch (error) {
      // A file that cannot be read or parsed is a problem to report; anything else is broken state.
      if (!(error instanceof UnreadableFile) && !isSystemError(error)) throw error;
      problems.push({ file, reason: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  });
  const kept = entries.filter((e): e is CachedEntry => e !== undefined);
  const present = new Set(files);
  for (const [file, entry] of cache) if (!present.has(file)) report.removed.push(entry.article.id);
  for (const p of problems) logger.warn(`Skipped ${p.file}: ${p.reason}`, { file: p.file });
  warnDuplicateTitles(kept, logger);
  if (report.added.length || report.changed.length || report.removed.length || kept.length !== cache.size) {
    await saveIndexCache(folder, kept).catch((error: unknown) =>
      logger.warn("The index cache could not be written; answering from memory", { error, folder }),
    );
  }
  const items = kept.map(fromCached);
  report.passages = items.reduce((n, i) => n + i.passages.length, 0);
  return { items, report, folder };
}

function warnDuplicateTitles(entries: CachedEntry[], logger: Logger): void {
  const byTitle = new Map<string, string[]>();
  for (const e of entries) byTitle.set(e.article.title, [...(byTitle.get(e.article.title) ?? []), e.article.id]);
  for (const [title, ids] of byTitle) {
    if (ids.length > 1) logger.warn(`Several articles share the title "${title}"; they are told apart by id`, { ids });
  }
}
