// The index database's layout. One SQLite file per knowledge folder (WAL journal beside it).
// FTS5 indexes our own terms (src/text: accent folding, our stop words, Porter stems) joined by
// spaces, with a tokenizer that only splits on them: the engine's postings then hold exactly the
// terms the rerank and the reader use. It is contentless: the terms are never read back.

/** Bumped when the tables change; a database of another version is rebuilt from the folder. */
export const SCHEMA_VERSION = 3;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,
  file TEXT NOT NULL UNIQUE,
  id TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  hash TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT,
  source TEXT,
  paragraph_count INTEGER NOT NULL,
  meta TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_title ON articles(title);
CREATE TABLE IF NOT EXISTS article_texts (
  article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  text TEXT NOT NULL,
  paragraphs TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,
  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  id TEXT NOT NULL UNIQUE,
  paragraph INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  length REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_article ON passages(article);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_terms USING fts5(
  title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_vocabulary USING fts5vocab(passage_terms, 'row');
-- Passages holding each term (term-counts.ts): what passage_vocabulary says, without counting postings.
CREATE TABLE IF NOT EXISTS term_counts (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vectors (
  passage INTEGER PRIMARY KEY REFERENCES passages(rowid) ON DELETE CASCADE,
  model TEXT NOT NULL,
  scale REAL NOT NULL,
  data BLOB NOT NULL
);
`;
