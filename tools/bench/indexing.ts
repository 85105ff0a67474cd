// Indexing throughput in model mode: the app's own embedMissing over the first articles of the
// corpus (whole articles, at least `passages` passages), into an empty vector table each run.
import { chunkArticle, estimatePieces } from "../../src/knowledge/chunk.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { embedMissing } from "../../src/search/passage-vectors.js";
import { QuantizedVectors } from "../../src/search/quantized-vectors.js";
import type { Article, Embedder } from "../../src/types.js";
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

export function firstArticles(articles: Iterable<Article>, passages: number): Article[] {
  const out: Article[] = [];
  let count = 0;
  for (const article of articles) {
    if (count >= passages) break;
    out.push(article);
    count += chunkArticle(article).length;
  }
  return out;
}

export async function measureIndexing(
  articles: Iterable<Article>,
  embedder: Embedder,
  passages: number,
  runs: number,
): Promise<IndexingFigures> {
  const { db, search } = await indexArticles(firstArticles(articles, passages));
  const all = [...search.eachPassage()];
  const count = all.length;
  const tokens = all.reduce((n, p) => n + estimatePieces(`${p.title}. ${p.text}`) + 2, 0);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    db.exec("DELETE FROM vectors");
    const t = performance.now();
    await embedMissing(db, search, new QuantizedVectors(embedder.dimension), embedder);
    times.push(performance.now() - t);
  }
  db.close();
  const ms = median(times);
  return { passages: count, tokens, runs, median_ms: ms, passages_per_s: (count * 1000) / ms, tokens_per_s: (tokens * 1000) / ms };
}
