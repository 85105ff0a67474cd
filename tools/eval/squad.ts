import path from "node:path";
import { ANSWER_DEFAULTS } from "../../src/answer/answer-defaults.js";
import { createLexicalReader } from "../../src/answer/lexical-reader.js";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { indexArticles } from "../../src/search/memory-index.js";
import type { Passage, Reader, ScoredPassage } from "../../src/types.js";
import { cite } from "../../src/answer/cite.js";
import { showsAnswer } from "./reply-metrics.js";
import { loadSquad } from "./squad-data.js";
import { exactMatchScore, f1Score } from "./squad-metric.js";
import { isTrainingArticle } from "./train-reader.js";

export interface SquadReport {
  questions: number;
  paragraphs: number;
  passages: number;
  recallAt1: number;
  recallAt5: number;
  exactMatch: number;
  f1: number;
  gold?: { exactMatch: number; f1: number; heldOut: { exactMatch: number; f1: number; sentence: number } };
  /** Sentence accuracy: the best span's sentence holds a gold answer, on the held-out half, when the
   *  first passage retrieved is the gold paragraph (`questions` of them). */
  sentence: { questions: number; accuracy: number };
  /** End to end on the articles the lexical reader's ranker was not trained on. */
  heldOut: { questions: number; exactMatch: number; f1: number };
  msPerQuestion: number;
}

/** The lexical reader on its own (retrieval, then the reader's best span, no thresholds), and with
 *  `gold` on the gold paragraph: what the span ranker can do, apart from the reply kinds. */
export async function evalSquad(
  dataDir: string,
  options: { gold?: boolean; limit?: number; reader?: Reader; depth?: number } = {},
): Promise<SquadReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const { search: index } = await indexArticles(set.articles);
  const reader = options.reader ?? createLexicalReader({ idf: (t) => index.idf(t) });
  const questions = options.limit
    ? set.questions.filter((_, i) => i % Math.ceil(set.questions.length / options.limit!) === 0)
    : set.questions;
  const byArticle = new Map<string, ScoredPassage[]>();
  const passageById = new Map<string, Passage>();
  for (const p of index.eachPassage()) passageById.set(p.id, p);
  for (const p of passageById.values()) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), { passage: p, score: 1 }]);
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  let r1 = 0,
    r5 = 0,
    em = 0,
    f1 = 0,
    goldEm = 0,
    goldF1 = 0,
    heldN = 0,
    heldEm = 0,
    heldF1 = 0,
    goldHeldEm = 0,
    goldHeldF1 = 0,
    goldHeldSentence = 0,
    firstRight = 0,
    firstRightSentence = 0;
  /** Whether the sentence(s) a span is quoted in hold a gold answer. */
  const sentenceHolds = (span: { passageId: string; start: number; end: number } | undefined, answers: string[]) =>
    span !== undefined && showsAnswer(cite(passageById.get(span.passageId)!, span.start, span.end, undefined).quote, answers);
  const started = performance.now();
  for (const q of questions) {
    const hits = retrieve(index, q.question, { k: 20, depth: options.depth });
    const ranked = [...new Set(hits.map((h) => h.passage.articleId))];
    if (ranked[0] === q.articleId) r1++;
    if (ranked.slice(0, 5).includes(q.articleId)) r5++;
    const best = (await reader.read(q.question, hits.slice(0, ANSWER_DEFAULTS.passages)))[0];
    const prediction = best ? passageById.get(best.passageId)!.text.slice(best.start, best.end) : "";
    const heldOut = !isTrainingArticle(q.articleId, titles);
    if (heldOut && hits[0]?.passage.articleId === q.articleId) {
      firstRight++;
      if (sentenceHolds(best, q.answers)) firstRightSentence++;
    }
    const qEm = exactMatchScore(prediction, q.answers);
    const qF1 = f1Score(prediction, q.answers);
    em += qEm;
    f1 += qF1;
    if (heldOut) {
      heldN++;
      heldEm += qEm;
      heldF1 += qF1;
    }
    if (options.gold) {
      const g = (await reader.read(q.question, byArticle.get(q.articleId) ?? []))[0];
      const goldPrediction = g ? passageById.get(g.passageId)!.text.slice(g.start, g.end) : "";
      const e = exactMatchScore(goldPrediction, q.answers);
      const f = f1Score(goldPrediction, q.answers);
      goldEm += e;
      goldF1 += f;
      if (heldOut) {
        goldHeldEm += e;
        goldHeldF1 += f;
        if (sentenceHolds(g, q.answers)) goldHeldSentence++;
      }
    }
  }
  const n = questions.length;
  return {
    questions: n,
    paragraphs: set.articles.length,
    passages: passageById.size,
    recallAt1: r1 / n,
    recallAt5: r5 / n,
    exactMatch: (100 * em) / n,
    f1: (100 * f1) / n,
    sentence: { questions: firstRight, accuracy: firstRightSentence / Math.max(1, firstRight) },
    heldOut: { questions: heldN, exactMatch: (100 * heldEm) / heldN, f1: (100 * heldF1) / heldN },
    ...(options.gold && {
      gold: {
        exactMatch: (100 * goldEm) / n,
        f1: (100 * goldF1) / n,
        heldOut: { exactMatch: (100 * goldHeldEm) / heldN, f1: (100 * goldHeldF1) / heldN, sentence: goldHeldSentence / heldN },
      },
    }),
    msPerQuestion: (performance.now() - started) / n,
  };
}
