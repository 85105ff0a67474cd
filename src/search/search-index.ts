import type { Article, ArticleInfo, ArticleMeta, Passage } from "../types.js";
import type { IndexDatabase } from "./open-database.js";
import { rareFirstCandidates, type RareFirstOptions, type TermPostings } from "./rare-first.js";

/** A passage found by the engine: its row (the key vectors use too) and the engine's BM25 score. */
export interface EngineHit {
  row: number;
  score: number;
}

/** A passage with its database row, as the rerank and dense search refer to it. */
export interface RowPassage extends Passage {
  row: number;
}

/**
 * The index as retrieval sees it: queries over the database, nothing of the corpus held in the
 * heap beyond small caches that a refresh clears.
 */
export interface SearchIndex {
  counts(): { articles: number; passages: number };
  /** The engine's best `k` passages for any of the terms (BM25, title column weighted), best first. */
  searchTerms(queryTerms: readonly string[], k: number, titleWeight?: number): EngineHit[];
  /** Passages by row, in the order asked (rows no longer there are left out). */
  passagesAt(rows: readonly number[]): RowPassage[];
  passage(id: string): Passage | undefined;
  article(id: string): Article | undefined;
  articleIds(): string[];
  /** Every article's id and content hash (what the knowledge version is made of). */
  articleHashes(): { id: string; hash: string }[];
  articleList(): ArticleInfo[];
  /** One article's entry of that list. */
  articleInfo(id: string): ArticleInfo | undefined;
  /** Inverse document frequency of a term over passages (0 for unknown terms). */
  idf(term: string): number;
  /** Mean BM25 document length (body terms plus title terms). */
  averageLength(): number;
  /** Every passage, in index order, read as it goes. */
  eachPassage(): Generator<Passage>;
  /** Forget cached statistics after the database changed. */
  invalidate(): void;
}

interface ArticleRow {
  id: string;
  title: string;
  meta: string;
  text: string;
  paragraphs: string;
  hash: string;
}

interface PassageRow {
  row: number;
  id: string;
  paragraph: number;
  start: number;
  end: number;
  article: number;
  articleId: string;
  title: string;
}

interface ListRow {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  paragraphs: number;
}

function toInfo(r: ListRow): ArticleInfo {
  return {
    id: r.id,
    title: r.title,
    ...(r.source && { source: r.source }),
    ...(r.published && { published: r.published }),
    paragraphs: r.paragraphs,
  };
}

function toArticle(row: ArticleRow): Article {
  const paragraphs = (JSON.parse(row.paragraphs) as Array<[number, number, number]>).map(([number, start, end]) => ({
    number,
    start,
    end,
  }));
  return {
    ...(JSON.parse(row.meta) as Omit<ArticleMeta, "title">),
    id: row.id,
    title: row.title,
    text: row.text,
    paragraphs,
    hash: row.hash,
  };
}

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** FTS5 query syntax: each term quoted (our terms are letters and digits only), any may match. */
function matchExpression(queryTerms: readonly string[]): string {
  return [...new Set(queryTerms)].map(quoted).join(" OR ");
}

/** Postings (sum of the query terms' document frequencies) from which the engine's own query, which
 *  scores every passage holding any term, gives way to the rare-first search (rare-first.ts), and
 *  that search's budgets. Measured at 200,000 articles: docs/archive-index.md. */
export const RARE_FIRST: RareFirstBudgets = { exactBudget: 60_000, rareBudget: 6_000, maxBudget: 30_000 };

export type RareFirstBudgets = Pick<RareFirstOptions, "exactBudget" | "rareBudget" | "maxBudget" | "preselect">;

export interface SearchIndexOptions {
  /** The rare-first search's budgets (tests set small ones to reach it on a small index). */
  rareFirst?: RareFirstBudgets;
}

export function databaseSearchIndex(db: IndexDatabase, options: SearchIndexOptions = {}): SearchIndex {
  const budgets = options.rareFirst ?? RARE_FIRST;
  const count = db.prepare<[], { articles: number; passages: number }>(
    "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages",
  );
  const search = db.prepare<[number, string, number], { row: number; score: number }>(
    "SELECT rowid AS row, bm25(passage_terms, ?, 1.0) AS score FROM passage_terms WHERE passage_terms MATCH ? ORDER BY score LIMIT ?",
  );
  const passageByRow = db.prepare<[number], PassageRow>(
    `SELECT p.rowid AS row, p.id, p.paragraph, p.start, p.end, p.article, a.id AS articleId, a.title
       FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.rowid = ?`,
  );
  const passageById = db.prepare<[string], PassageRow>(
    `SELECT p.rowid AS row, p.id, p.paragraph, p.start, p.end, p.article, a.id AS articleId, a.title
       FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.id = ?`,
  );
  const textOf = db.prepare<[number], { text: string }>("SELECT text FROM article_texts WHERE article = ?");
  const articleById = db.prepare<[string], ArticleRow>(
    "SELECT a.id, a.title, a.meta, t.text, t.paragraphs, a.hash FROM articles a JOIN article_texts t ON t.article = a.rowid WHERE a.id = ?",
  );
  const ids = db.prepare<[], { id: string }>("SELECT id FROM articles");
  const hashes = db.prepare<[], { id: string; hash: string }>("SELECT id, hash FROM articles");
  const allRows = db.prepare<[], { row: number }>("SELECT rowid AS row FROM passages ORDER BY rowid");
  const list = db.prepare<[], ListRow>("SELECT id, title, source, published, paragraph_count AS paragraphs FROM articles");
  const listById = db.prepare<[string], ListRow>(
    "SELECT id, title, source, published, paragraph_count AS paragraphs FROM articles WHERE id = ?",
  );
  const documentFrequency = db.prepare<[string], { doc: number }>("SELECT doc FROM term_counts WHERE term = ?");
  // Kept in meta by each refresh (refresh.ts), worked out here only for an index refreshed by an older version.
  const keptAverage = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'average_length'");
  const average = db.prepare<[], { value: number | null }>("SELECT avg(length) AS value FROM passages");
  const termRows = db.prepare<[string], number>("SELECT rowid FROM passage_terms WHERE passage_terms MATCH ?").pluck();
  const lengthsOf = db
    .prepare<[string], [number, number]>("SELECT rowid, length FROM passages WHERE rowid IN (SELECT value FROM json_each(?))")
    .raw();

  let counts: { articles: number; passages: number } | undefined;
  let averageLength: number | undefined;
  const idfs = new Map<string, number>();
  const dfs = new Map<string, number>();
  const df = (term: string) => {
    let value = dfs.get(term);
    if (value === undefined) {
      value = documentFrequency.get(term)?.doc ?? 0;
      if (dfs.size > 100_000) dfs.clear();
      dfs.set(term, value);
    }
    return value;
  };
  const postings: TermPostings = {
    documentFrequency: df,
    rows: (term) => termRows.all(quoted(term)),
    rowsWithAny: (term, anchors) => termRows.all(`${quoted(term)} AND (${anchors.map(quoted).join(" OR ")})`),
    lengths: (rows) => new Map(lengthsOf.all(JSON.stringify(rows))),
  };

  function withText(rows: PassageRow[]): RowPassage[] {
    const texts = new Map<number, string>();
    return rows.map((r) => {
      let text = texts.get(r.article);
      if (text === undefined) texts.set(r.article, (text = textOf.get(r.article)?.text ?? ""));
      const { row, id, articleId, title, paragraph, start, end } = r;
      return { row, id, articleId, title, paragraph, start, end, text: text.slice(start, end) };
    });
  }

  const index: SearchIndex = {
    counts: () => (counts ??= count.get()!),
    searchTerms(queryTerms, k, titleWeight = 1) {
      if (queryTerms.length === 0 || k < 1) return [];
      const { passages } = index.counts();
      const rareFirst = rareFirstCandidates(queryTerms, k, postings, { passages, averageLength: index.averageLength(), ...budgets });
      if (rareFirst) return rareFirst.hits;
      return search.all(titleWeight, matchExpression(queryTerms), k).map((h) => ({ row: h.row, score: -h.score }));
    },
    passagesAt(rows) {
      return withText(rows.flatMap((r) => passageByRow.get(r) ?? []));
    },
    passage(id) {
      const row = passageById.get(id);
      if (!row) return undefined;
      const { row: _row, ...passage } = withText([row])[0]!;
      return passage;
    },
    article(id) {
      const row = articleById.get(id);
      return row && toArticle(row);
    },
    articleIds: () => ids.all().map((r) => r.id),
    articleHashes: () => hashes.all(),
    articleList: () => list.all().map(toInfo),
    articleInfo: (id) => {
      const row = listById.get(id);
      return row && toInfo(row);
    },
    idf(term) {
      let value = idfs.get(term);
      if (value === undefined) {
        const d = df(term);
        const n = index.counts().passages;
        value = d ? Math.log(1 + (n - d + 0.5) / (d + 0.5)) : 0;
        if (idfs.size > 100_000) idfs.clear();
        idfs.set(term, value);
      }
      return value;
    },
    *eachPassage() {
      // Rows first, then passages a page at a time: a long iteration holds no statement open.
      const rows = allRows.all().map((r) => r.row);
      for (let i = 0; i < rows.length; i += 512) {
        for (const { row: _row, ...passage } of index.passagesAt(rows.slice(i, i + 512))) yield passage;
      }
    },
    averageLength() {
      if (averageLength === undefined) {
        const kept = keptAverage.get();
        averageLength = kept ? Number(kept.value) : (average.get()?.value ?? 1);
      }
      return averageLength;
    },
    invalidate() {
      counts = undefined;
      averageLength = undefined;
      idfs.clear();
      dfs.clear();
    },
  };
  return index;
}
