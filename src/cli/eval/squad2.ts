import path from "node:path";
import { createLexicalReader } from "../../answer/lexical-reader.js";
import { retrieve } from "../../answer/retrieve.js";
import { idf } from "../../index/bm25.js";
import { assembleIndex, indexArticle } from "../../index/search-index.js";
import { loadSquad } from "./squad-data.js";
import { f1Score } from "./squad-metric.js";

export interface ThresholdReport {
  questions: number;
  unanswerable: number;
  /** The "not found" threshold that maximises SQuAD 2.0 F1 (abstaining is right on unanswerable ones). */
  threshold: number;
  f1: number;
  hasAnswerF1: number;
  noAnswerAccuracy: number;
  /** The same figures at the threshold the app ships with. */
  atShipped: { threshold: number; f1: number; hasAnswerF1: number; noAnswerAccuracy: number };
}

interface Scored {
  score: number;
  f1: number;
  impossible: boolean;
}

function at(rows: Scored[], threshold: number) {
  let total = 0, has = 0, hasN = 0, no = 0, noN = 0;
  for (const r of rows) {
    const answered = r.score >= threshold;
    if (r.impossible) {
      noN++;
      if (!answered) (no++, total++);
    } else {
      hasN++;
      if (answered) (has += r.f1, total += r.f1);
    }
  }
  return { threshold, f1: (100 * total) / rows.length, hasAnswerF1: (100 * has) / hasN, noAnswerAccuracy: no / noN };
}

/** Calibrates the lexical reader's "not found" threshold on SQuAD 2.0 dev, open retrieval. */
export async function calibrateThreshold(dataDir: string, shipped: number): Promise<ThresholdReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v2.0.json"));
  const index = assembleIndex(set.articles.map(indexArticle));
  const reader = createLexicalReader({ idf: (t) => idf(index.bm25, t) });
  const rows: Scored[] = [];
  for (const q of set.questions) {
    const best = (await reader.read(q.question, retrieve(index, q.question, { k: 3 })))[0];
    const prediction = best ? index.passageById.get(best.passageId)!.text.slice(best.start, best.end) : "";
    rows.push({ score: best?.score ?? 0, f1: q.impossible ? 0 : f1Score(prediction, q.answers), impossible: q.impossible });
  }
  const candidates = [...new Set(rows.map((r) => Math.round(r.score * 100) / 100))].sort((a, b) => a - b);
  const best = candidates.map((t) => at(rows, t)).reduce((a, b) => (b.f1 > a.f1 ? b : a));
  return {
    questions: rows.length,
    unanswerable: rows.filter((r) => r.impossible).length,
    ...best,
    atShipped: at(rows, shipped),
  };
}
