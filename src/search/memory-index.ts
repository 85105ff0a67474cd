import type { Article } from "../types.js";
import { articleWriter, prepareArticle } from "./article-rows.js";
import { openMemoryDatabase, type IndexDatabase } from "./open-database.js";
import { termCounter } from "./term-counts.js";
import { databaseSearchIndex, type SearchIndex } from "./search-index.js";

/** Articles already loaded, indexed in an in-memory database with the same tables and queries as
 *  the on-disk index (evaluations and benchmarks). */
export async function indexArticles(articles: readonly Article[]): Promise<{ db: IndexDatabase; search: SearchIndex }> {
  const db = await openMemoryDatabase();
  const writer = articleWriter(db);
  const counts = termCounter(db);
  db.transaction(() => {
    for (const article of articles) {
      const item = prepareArticle({ file: article.id, size: 0, mtime: 0 }, article);
      counts.removing(item.state.file, item.article.id);
      counts.adding(item);
      writer.put(item);
    }
    counts.flush();
  })();
  return { db, search: databaseSearchIndex(db) };
}
