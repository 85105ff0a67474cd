// Calibrates the reply-kind thresholds (ANSWER_THRESHOLDS.lexical) on the training half: SQuAD
// questions of the odd-numbered articles on the SQuAD paragraphs (answerable), and questions whose
// answer is in no article (those SQuAD questions on the BBC articles; BBC-title questions on SQuAD).
// The pair is chosen by choose-thresholds.ts. The answerable questions' spans are scored cross-fitted (foldRankers): by a ranker trained the
// shipped way on the other training articles, so their scores are as sure as a new question's.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { read, type Reading } from "../../src/answer/ask.js";
import { createLexicalReader } from "../../src/answer/lexical-reader.js";
import { hashBytes } from "../../src/knowledge/build-article.js";
import { joinParagraphs } from "../../src/knowledge/paragraphs.js";
import { indexArticles } from "../../src/search/memory-index.js";
import type { Article } from "../../src/types.js";
import { seededSample } from "../bench/seeded-sample.js";
import { titleQuestions } from "../bench/title-questions.js";
import { chooseThresholds, type AnswerableRow, type ChosenThresholds } from "./choose-thresholds.js";
import { showsAnswer } from "./reply-metrics.js";
import { loadSquad } from "./squad-data.js";
import { f1Score } from "./squad-metric.js";
import { foldRankers, isTrainingArticle, type LexicalRanker } from "./train-reader.js";

const SEED = 7;

export interface CalibrationReport {
  answerable: number;
  offCorpus: number;
  chosen: ChosenThresholds;
}

export async function bbcArticles(dataDir: string): Promise<Article[]> {
  const lines = (await readFile(path.join(dataDir, "bbc", "bbc_articles_summaries.jsonl"), "utf8")).split("\n").filter(Boolean);
  return lines.map((l) => {
    const r = JSON.parse(l) as { id: string; title: string; text: string };
    const { text, paragraphs } = joinParagraphs(
      r.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    );
    return { id: r.id, title: r.title, text, paragraphs, hash: hashBytes(Buffer.from(r.text)) };
  });
}

/** Each question read over `articles`, its spans ranked by `rankerOf(i)` (the shipped ranker where undefined). */
export async function readAll(
  articles: readonly Article[],
  questions: readonly string[],
  rankerOf: (i: number) => LexicalRanker | undefined = () => undefined,
): Promise<Reading[]> {
  const { search: index, db } = await indexArticles(articles);
  const idf = (t: string) => index.idf(t);
  const shipped = createLexicalReader({ idf });
  const readers = new Map<LexicalRanker, ReturnType<typeof createLexicalReader>>();
  const out: Reading[] = [];
  for (const [i, q] of questions.entries()) {
    const ranker = rankerOf(i);
    if (ranker && !readers.has(ranker)) readers.set(ranker, createLexicalReader({ idf, ...ranker }));
    out.push(await read({ index, reader: ranker ? readers.get(ranker)! : shipped }, q));
  }
  db.close();
  return out;
}

export async function calibrateReplies(
  dataDir: string,
  options: { answerable?: number; offCorpus?: number; maxFalse?: number; minAnswers?: number } = {},
): Promise<CalibrationReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const training = set.questions.filter((q) => isTrainingArticle(q.articleId, titles));
  const asked = seededSample(training, options.answerable ?? 2000, SEED);
  const offCount = options.offCorpus ?? 500;
  const bbc = await bbcArticles(dataDir);
  const folds = await foldRankers(dataDir);
  const readings = await readAll(
    set.articles,
    [
      ...asked.map((q) => q.question),
      ...titleQuestions(
        seededSample(
          bbc.map((a) => a.title),
          offCount,
          SEED,
        ),
        offCount,
      ),
    ],
    (i) => (i < asked.length ? folds.rankers[folds.foldOf(asked[i]!.articleId)!] : undefined),
  );
  const rows: AnswerableRow[] = asked.map((q, i) => {
    const b = readings[i]!.best;
    const fold = folds.foldOf(q.articleId)!;
    if (!b) return { fold, score: 0, relevance: 0, spanRight: false, sentenceRight: false, f1: 0 };
    return {
      fold,
      score: b.score,
      relevance: b.relevance,
      spanRight: showsAnswer(b.answer, q.answers),
      sentenceRight: showsAnswer(b.citation.quote, q.answers),
      f1: f1Score(b.answer, q.answers),
    };
  });
  const off = [
    ...readings.slice(asked.length),
    ...(await readAll(
      bbc,
      seededSample(training, offCount, SEED + 1).map((q) => q.question),
    )),
  ].map((r) => ({ score: r.best?.score ?? 0, relevance: r.best?.relevance ?? 0 }));

  const chosen = chooseThresholds(rows, off, { maxFalse: options.maxFalse ?? 0.1, minAnswers: options.minAnswers ?? 0.5 });
  return { answerable: rows.length, offCorpus: off.length, chosen };
}
