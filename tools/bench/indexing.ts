// Indexing throughput in model mode: the app's own embedMissing over the first articles of the
// corpus (whole articles, at least `passages` passages), into an empty vector table each run.
// Token counts are the embedder's own (the real tokenizer's) when it can count them, else the
// chunker's estimate; the useful work (FLOPs of the real tokens, padding not counted) follows.
import { chunkArticle, estimatePieces } from "../../src/knowledge/chunk.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { embedMissing } from "../../src/search/passage-vectors.js";
import { QuantizedVectors } from "../../src/search/quantized-vectors.js";
import type { Article, Embedder } from "../../src/types.js";
import type { EncoderShape } from "../generate/shapes.js";
import { encoderFlops } from "./flops.js";
import { median } from "./percentiles.js";

export interface IndexingFigures {
  passages: number;
  /** Tokens of the embedded texts, specials included: counted by the tokenizer, or estimated. */
  tokens: number;
  tokens_counted: boolean;
  /** FLOPs of the unpadded work, from the model's shape. */
  useful_gflop: number;
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
  shape: EncoderShape,
): Promise<IndexingFigures> {
  const { db, search } = await indexArticles(firstArticles(articles, passages));
  const all = [...search.eachPassage()];
  const count = all.length;
  const texts = all.map((p) => `${p.title}. ${p.text}`);
  const counter = embedder as Partial<{ tokenCounts(texts: string[], kind: "passage"): number[] }>;
  const lengths = counter.tokenCounts ? counter.tokenCounts(texts, "passage") : texts.map((t) => estimatePieces(t) + 2);
  const tokens = lengths.reduce((a, b) => a + b, 0);
  const usefulFlops = lengths.reduce((n, t) => n + encoderFlops(shape, { batch: 1, tokens: t }), 0);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    db.exec("DELETE FROM vectors");
    const t = performance.now();
    await embedMissing(db, search, new QuantizedVectors(embedder.dimension), embedder);
    times.push(performance.now() - t);
  }
  db.close();
  const ms = median(times);
  return {
    passages: count,
    tokens,
    tokens_counted: Boolean(counter.tokenCounts),
    useful_gflop: usefulFlops / 1e9,
    runs,
    median_ms: ms,
    passages_per_s: (count * 1000) / ms,
    tokens_per_s: (tokens * 1000) / ms,
  };
}
