// How many passages hold each term, kept beside the full-text index. FTS5 stores no such count:
// its vocabulary table counts a term's whole posting list per lookup, ~10 ms for a word in a fifth
// of 1.7 M passages, and retrieval and the reader look up the idf of hundreds of terms a question.
// The counts change in the same transactions as the passages: a written article adds its passages'
// terms, and the version it replaces (or a removed article) takes its stored passages' terms away,
// tokenised again from its stored text as they were when written (the pipeline fingerprint
// rebuilds the index whenever that tokenising changes).
import { searchTerms } from "../text/index.js";
import type { PreparedArticle } from "./article-rows.js";
import type { IndexDatabase } from "./open-database.js";

/** Fills the counts from FTS5's vocabulary (an index written before the counts existed). */
export function recountTerms(db: IndexDatabase): void {
  db.exec("DELETE FROM term_counts; INSERT INTO term_counts (term, doc) SELECT term, doc FROM passage_vocabulary");
}

function addTerms(deltas: Map<string, number>, terms: Iterable<string>, sign: number): void {
  for (const term of new Set(terms)) deltas.set(term, (deltas.get(term) ?? 0) + sign);
}

/** Counts the terms of articles written and removed; `flush` (inside the writing transaction) stores them. */
export function termCounter(db: IndexDatabase) {
  const stored = db.prepare<[string, string], { title: string; text: string; start: number; end: number }>(
    `SELECT a.title, t.text, p.start, p.end FROM articles a JOIN article_texts t ON t.article = a.rowid
       JOIN passages p ON p.article = a.rowid WHERE a.file = ? OR a.id = ?`,
  );
  const upsert = db.prepare<[string, number]>(
    "INSERT INTO term_counts (term, doc) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET doc = doc + excluded.doc",
  );
  const prune = db.prepare<[string]>("DELETE FROM term_counts WHERE term = ? AND doc <= 0");
  const deltas = new Map<string, number>();
  const titles = new Map<string, string[]>();
  return {
    /** The article stored for `file` (or under `id`) is about to be replaced or removed. */
    removing(file: string, id = ""): void {
      for (const p of stored.all(file, id)) {
        let title = titles.get(p.title);
        if (!title) titles.set(p.title, (title = searchTerms(p.title)));
        addTerms(deltas, [...title, ...searchTerms(p.text.slice(p.start, p.end))], -1);
      }
    },
    /** The article is about to be written. */
    adding(item: PreparedArticle): void {
      const title = item.titleTerms ? item.titleTerms.split(" ") : [];
      for (const body of item.bodyTerms) addTerms(deltas, [...title, ...(body ? body.split(" ") : [])], 1);
    },
    flush(): void {
      for (const [term, delta] of deltas) {
        if (delta === 0) continue;
        upsert.run(term, delta);
        if (delta < 0) prune.run(term);
      }
      deltas.clear();
      titles.clear();
    },
  };
}
