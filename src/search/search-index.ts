import { chunkArticle } from "../knowledge/chunk.js";
import type { Article, Passage } from "../types.js";
import { buildBm25, DEFAULT_BM25_PARAMS, type Bm25Document, type Bm25Index, type Bm25Params } from "./bm25.js";
import { searchTermCounts } from "../text/index.js";

/** The in-memory index: passages in a fixed order, BM25 postings, and (model mode) vectors. */
export interface SearchIndex {
  articles: ReadonlyMap<string, Article>;
  passages: Passage[];
  passageById: ReadonlyMap<string, Passage>;
  bm25: Bm25Index;
  /** Unit vectors, one per passage in `passages` order, when an embedder is in use. */
  vectors?: PassageVectors;
}

export interface PassageVectors {
  modelId: string;
  dimension: number;
  data: Float32Array;
}

export interface IndexedArticle {
  article: Article;
  passages: Passage[];
  /** BM25 term counts, one per passage, same order. */
  terms: Array<Map<string, number>>;
}

/** The per-article work of indexing: chunk and count terms. Cached on disk by content hash. */
export function indexArticle(article: Article): IndexedArticle {
  const passages = chunkArticle(article);
  return { article, passages, terms: passages.map((p) => searchTermCounts(p.text)) };
}

export function assembleIndex(items: readonly IndexedArticle[], params: Bm25Params = DEFAULT_BM25_PARAMS): SearchIndex {
  const articles = new Map<string, Article>();
  const passages: Passage[] = [];
  const documents: Bm25Document[] = [];
  for (const item of items) {
    articles.set(item.article.id, item.article);
    const title = searchTermCounts(item.article.title);
    item.passages.forEach((p, i) => {
      passages.push(p);
      documents.push({ body: item.terms[i]!, title });
    });
  }
  return {
    articles,
    passages,
    passageById: new Map(passages.map((p) => [p.id, p])),
    bm25: buildBm25(documents, params),
  };
}
