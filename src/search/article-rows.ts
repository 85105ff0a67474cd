import { chunkArticle } from "../knowledge/chunk.js";
import { searchTerms } from "../text/index.js";
import type { Article, ArticleMeta, Passage } from "../types.js";
import type { IndexDatabase } from "./open-database.js";

/** Where an article came from, for change detection without reading the file again. */
export interface FileState {
  file: string;
  size: number;
  mtime: number;
}

/** The per-article work of indexing (chunk and tokenise), done before the write transaction. */
export interface PreparedArticle {
  state: FileState;
  article: Article;
  passages: Passage[];
  /** Title terms and each passage's body terms, joined by spaces as the FTS columns hold them. */
  titleTerms: string;
  bodyTerms: string[];
  /** Title terms count once per title word, like the body's: BM25's document length. */
  lengths: number[];
}

export function prepareArticle(state: FileState, article: Article): PreparedArticle {
  const passages = chunkArticle(article);
  const title = searchTerms(article.title);
  const bodies = passages.map((p) => searchTerms(p.text));
  return {
    state,
    article,
    passages,
    titleTerms: title.join(" "),
    bodyTerms: bodies.map((b) => b.join(" ")),
    lengths: bodies.map((b) => b.length + title.length),
  };
}

function metaOf(article: Article): ArticleMeta {
  const { title: _title, id: _id, text: _text, paragraphs: _paragraphs, hash: _hash, ...meta } = article;
  return meta as ArticleMeta;
}

/** Statements that add and remove whole articles; callers wrap them in transactions. */
export function articleWriter(db: IndexDatabase) {
  const findPassages = db.prepare<[string, string], { rowid: number }>(
    "SELECT p.rowid FROM passages p JOIN articles a ON a.rowid = p.article WHERE a.file = ? OR a.id = ?",
  );
  const deleteTerms = db.prepare<[number]>("DELETE FROM passage_terms WHERE rowid = ?");
  const deleteArticle = db.prepare<[string, string]>("DELETE FROM articles WHERE file = ? OR id = ?");
  const insertArticle = db.prepare(
    "INSERT INTO articles (file, id, size, mtime, hash, title, published, source, paragraph_count, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertText = db.prepare("INSERT INTO article_texts (article, text, paragraphs) VALUES (?, ?, ?)");
  const insertPassage = db.prepare("INSERT INTO passages (article, id, paragraph, start, end, length) VALUES (?, ?, ?, ?, ?, ?)");
  const insertTerms = db.prepare("INSERT INTO passage_terms (rowid, title, body) VALUES (?, ?, ?)");
  const touch = db.prepare<[number, number, string]>("UPDATE articles SET size = ?, mtime = ? WHERE file = ?");

  /** Removes the article stored for `file` (or under `id`), with its passages, terms and vectors. */
  function remove(file: string, id = ""): void {
    for (const { rowid } of findPassages.all(file, id)) deleteTerms.run(rowid);
    deleteArticle.run(file, id);
  }

  return {
    remove,
    /** Replaces whatever was stored for the article's file or id: writing twice is harmless. */
    put(item: PreparedArticle): void {
      const { article, state } = item;
      remove(state.file, article.id);
      const paragraphs = JSON.stringify(article.paragraphs.map((p) => [p.number, p.start, p.end]));
      const articleRow = insertArticle.run(
        state.file,
        article.id,
        state.size,
        state.mtime,
        article.hash,
        article.title,
        article.published ?? null,
        article.source ?? null,
        article.paragraphs.length,
        JSON.stringify(metaOf(article)),
      ).lastInsertRowid;
      insertText.run(articleRow, article.text, paragraphs);
      item.passages.forEach((p, i) => {
        const row = insertPassage.run(articleRow, p.id, p.paragraph, p.start, p.end, item.lengths[i]!).lastInsertRowid;
        insertTerms.run(row, item.titleTerms, item.bodyTerms[i]!);
      });
    },
    /** The file changed its size or time but not its bytes. */
    touch(state: FileState): void {
      touch.run(state.size, state.mtime, state.file);
    },
  };
}
