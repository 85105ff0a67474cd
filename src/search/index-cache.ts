import { createHash } from "node:crypto";
import path from "node:path";
import type { Article, Passage } from "../types.js";
import { readCheckedFile, writeCheckedFile } from "./checked-file.js";
import { pipelineFingerprint } from "./pipeline-fingerprint.js";
import type { IndexedArticle } from "./search-index.js";

const FORMAT = "newsdesk-index";
// The file layout's version. Changes to cleaning, chunking or term counting need no bump: the
// pipeline fingerprint in the header rebuilds the index by itself.
const VERSION = 1;

export interface CachedEntry {
  file: string;
  article: Article;
  passages: Array<Omit<Passage, "text" | "title" | "articleId">>;
  terms: Array<Array<[string, number]>>;
}

/** Where a knowledge folder's index lives: outside that folder (it may be read-only). */
export function indexFolder(cacheDir: string, knowledgeDir: string): string {
  const key = createHash("sha256").update(path.resolve(knowledgeDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, "index", key);
}

export function toCached(file: string, item: IndexedArticle): CachedEntry {
  return {
    file,
    article: item.article,
    passages: item.passages.map(({ id, paragraph, start, end }) => ({ id, paragraph, start, end })),
    terms: item.terms.map((t) => [...t]),
  };
}

export function fromCached(entry: CachedEntry): IndexedArticle {
  const { article } = entry;
  return {
    article,
    passages: entry.passages.map((p) => ({
      ...p,
      articleId: article.id,
      title: article.title,
      text: article.text.slice(p.start, p.end),
    })),
    terms: entry.terms.map((t) => new Map(t)),
  };
}

/** The cached entries; undefined when there are none or they were built by other code. */
export async function loadIndexCache(folder: string): Promise<CachedEntry[] | undefined> {
  const file = await readCheckedFile(path.join(folder, "index.json"), FORMAT, VERSION);
  if (!file || (file.meta as { pipeline?: string } | undefined)?.pipeline !== (await pipelineFingerprint())) return undefined;
  return JSON.parse(file.payload.toString("utf8")) as CachedEntry[];
}

export async function saveIndexCache(folder: string, entries: CachedEntry[]): Promise<void> {
  await writeCheckedFile(path.join(folder, "index.json"), FORMAT, VERSION, Buffer.from(JSON.stringify(entries)), {
    pipeline: await pipelineFingerprint(),
  });
}
