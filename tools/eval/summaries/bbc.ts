import type { Article, Paragraph } from "../../../src/types.js";
import { articleSentences } from "../../../src/summarize/candidates.js";

/** One row of bbc_articles_summaries.jsonl. */
export interface BbcRow {
  id: string;
  category: string;
  title: string;
  /** Body without the title; paragraphs separated by blank lines. */
  text: string;
  summary: string | null;
  summary_sentences: string[] | null;
  duplicate_of: string | null;
}

export function parseBbcRows(jsonl: string): BbcRow[] {
  return jsonl
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as BbcRow);
}

/** An Article built the way the knowledge loader builds one: paragraphs split on blank lines. */
export function articleFromBody(id: string, title: string, body: string): Article {
  const paragraphs: Paragraph[] = [];
  const re = /\n[ \t]*\n/g;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(body[s]!)) s++;
    while (e > s && /\s/.test(body[e - 1]!)) e--;
    if (e > s) paragraphs.push({ number: paragraphs.length + 1, start: s, end: e });
  };
  for (let m = re.exec(body); m; m = re.exec(body)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return { id, title, text: body, paragraphs, hash: "" };
}

export interface EvalCase {
  row: BbcRow;
  article: Article;
  references: string[];
}

/** Non-duplicate articles with a reference split into sentences and at least `minSentences`. */
export function evalCases(rows: readonly BbcRow[], minSentences = 6): EvalCase[] {
  const out: EvalCase[] = [];
  for (const row of rows) {
    if (row.duplicate_of || !row.summary_sentences) continue;
    const article = articleFromBody(row.id, row.title, row.text);
    if (articleSentences(article).length < minSentences) continue;
    out.push({ row, article, references: row.summary_sentences });
  }
  return out;
}
