// Indexing throughput in model mode: the app's own embedPassages over the first articles of the
// corpus (whole articles, at least `passages` passages), into an empty cache folder each run.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { embedPassages } from "../../src/search/embed-passages.js";
import { assembleIndex, type IndexedArticle } from "../../src/search/search-index.js";
import { estimatePieces } from "../../src/knowledge/chunk.js";
import { silentLogger } from "../../src/log.js";
import type { Embedder } from "../../src/types.js";
import { median } from "./percentiles.js";

export interface IndexingFigures {
  passages: number;
  /** Estimated word pieces (the chunker's estimate) of the embedded texts. */
  tokens: number;
  runs: number;
  median_ms: number;
  passages_per_s: number;
  tokens_per_s: number;
}

export function firstArticles(items: readonly IndexedArticle[], passages: number): IndexedArticle[] {
  const out: IndexedArticle[] = [];
  let count = 0;
  for (const item of items) {
    if (count >= passages) break;
    out.push(item);
    count += item.passages.length;
  }
  return out;
}

export async function measureIndexing(
  items: readonly IndexedArticle[],
  embedder: Embedder,
  passages: number,
  runs: number,
): Promise<IndexingFigures> {
  const subset = firstArticles(items, passages);
  const index = assembleIndex(subset);
  const count = index.passages.length;
  const tokens = index.passages.reduce((n, p) => n + estimatePieces(`${p.title}. ${p.text}`) + 2, 0);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const folder = await mkdtemp(path.join(os.tmpdir(), "newsdesk-bench-index-"));
    try {
      const t = performance.now();
      await embedPassages(index, subset, embedder, folder, silentLogger);
      times.push(performance.now() - t);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
  const ms = median(times);
  return { passages: count, tokens, runs, median_ms: ms, passages_per_s: (count * 1000) / ms, tokens_per_s: (tokens * 1000) / ms };
}
