import path from "node:path";
import { ANSWER_DEFAULTS } from "../../src/answer/answer-defaults.js";
import { createLexicalReader } from "../../src/answer/lexical-reader.js";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { loadSquad } from "./squad-data.js";
import { f1Score } from "./squad-metric.js";

export interface ThresholdReport {
  questions: number;
  unanswerable: number;
  /** The threshold that maximises SQuAD 2.0 F1 (abstaining is right on unanswerable ones). */
  threshold: number;
  f1: number;
  hasAnswerF1: number;
  noAnswerAccuracy: number;
  /** The balanced threshold: as many unanswerable questions refused as answerable ones answered. */
  balanced: { threshold: number; f1: number; hasAnswerF1: number; noAnswerAccuracy: number; answered: number };
  /** The same figures at the threshold the app ships with. */
  atShipped: { threshold: number; f1: number; hasAnswerF1: number; noAnswerAccuracy: number };
}

interface Scored {
  score: number;
  f1: number;
  impossible: boolean;
}

function at(rows: Scored[], threshold: number) {
  let total = 0,
    has = 0,
    hasN = 0,
    no = 0,
    noN = 0,
    answered = 0;
  for (const r of rows) {
    const answers = r.score >= threshold;
    if (r.impossible) {
      noN++;
      if (!answers) {
        no++;
        total++;
      }
    } else {
      hasN++;
      if (answers) {
        has += r.f1;
        total += r.f1;
        answered++;
      }
    }
  }
  return {
    threshold,
    f1: (100 * total) / rows.length,
    hasAnswerF1: (100 * has) / hasN,
    noAnswerAccuracy: no / noN,
    answered: answered / hasN,
  };
}

/** Calibrates the lexical reader's "not found" threshold on SQuAD 2.0 dev, open retrieval. */
export async function calibrateThreshold(dataDir: string, shipped: number): Promise<ThresholdReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v2.0.json"));
  const { search: index } = await indexArticles(set.articles);
  const reader = createLexicalReader({ idf: (t) => index.idf(t) });
  const rows: Scored[] = [];
  for (const q of set.questions) {
    const hits = retrieve(index, q.question, { k: ANSWER_DEFAULTS.passages });
    const best = (await reader.read(q.question, hits))[0];
    const prediction = best ? hits.find((h) => h.passage.id === best.passageId)!.passage.text.slice(best.start, best.end) : "";
    rows.push({ score: best?.score ?? 0, f1: q.impossible ? 0 : f1Score(prediction, q.answers), impossible: q.impossible });
  }
  const candidates = [...new Set(rows.map((r) => Math.round(r.score * 100) / 100))].sort((a, b) => a - b);
  const curve = candidates.map((t) => at(rows, t));
  const { answered: _, ...best } = curve.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const balanced = curve.reduce((a, b) => (Math.abs(b.noAnswerAccuracy - b.answered) < Math.abs(a.noAnswerAccuracy - a.answered) ? b : a));
  return {
    questions: rows.length,
    unanswerable: rows.filter((r) => r.impossible).length,
    ...best,
    balanced,
    atShipped: at(rows, shipped),
  };
}
