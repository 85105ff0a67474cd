import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ANSWER_DEFAULTS } from "../../src/answer/answer-defaults.js";
import { rankSpans } from "../../src/answer/lexical-reader.js";
import { normaliseQuestion } from "../../src/answer/question.js";
import { CONFIDENCE_FEATURE_NAMES, type ConfidenceWeights } from "../../src/answer/span-confidence.js";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { seededSample } from "../bench/seeded-sample.js";
import { confidenceWeightsSource } from "./confidence-weights-source.js";
import { showsAnswer } from "./reply-metrics.js";
import { loadSquad } from "./squad-data.js";
import { foldRankers, isTrainingArticle } from "./train-reader.js";
import { fitLogisticNewton } from "./newton-logistic.js";
import { dotVector } from "./listwise.js";

// Trains the span-confidence model (span-confidence.ts): logistic regression towards 1 where the
// reader's best span shows a gold answer, on training-half SQuAD questions read through retrieval.
// Each question's spans are ranked by a ranker trained without its article (foldRankers), so the
// model learns how sure to be of a question the ranker has not seen. A different sample from the
// ones `calibrate` and `train-relevance` take. The weights are written as source.

const SEED = 13;

interface Row {
  x: Float64Array;
  y: number;
  fold: 0 | 1;
  /** The former score (coverage × √p), for the comparison printed. */
  before: number;
}

/** Area under the ROC curve: the chance a right span outscores a wrong one (ties count half). */
export function rocArea(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0,
    rankSum = 0;
  for (let from = 0; from < order.length;) {
    let to = from;
    while (to + 1 < order.length && scores[order[to + 1]!] === scores[order[from]!]) to++;
    // Tied scores share the mean of their ranks (1-based).
    const rank = (from + to) / 2 + 1;
    for (let k = from; k <= to; k++)
      if (labels[order[k]!]) {
        positives++;
        rankSum += rank;
      }
    from = to + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface TrainConfidenceReport {
  questions: number;
  /** Share of them whose best span shows a gold answer. */
  right: number;
  weights: ConfidenceWeights;
  /** Two-fold check inside the training half: ROC area of the former score and of the model fitted on the other fold. */
  rocArea: { before: number; model: number };
}

export async function trainConfidence(dataDir: string, out: string | undefined): Promise<TrainConfidenceReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const asked = seededSample(
    set.questions.filter((q) => isTrainingArticle(q.articleId, titles)),
    2000,
    SEED,
  );
  const folds = await foldRankers(dataDir);
  const { search: index, db } = await indexArticles(set.articles);
  const rows: Row[] = [];
  for (const q of asked) {
    const fold = folds.foldOf(q.articleId)!;
    const question = normaliseQuestion(q.question);
    const hits = retrieve(index, question, { k: ANSWER_DEFAULTS.passages });
    const best = rankSpans(question, hits, { idf: (t) => index.idf(t), ...folds.rankers[fold] })[0];
    if (!best) continue;
    const text = hits.find((h) => h.passage.id === best.passageId)!.passage.text.slice(best.start, best.end);
    rows.push({
      x: Float64Array.from(CONFIDENCE_FEATURE_NAMES, (n) => best.confidence[n]),
      y: showsAnswer(text, q.answers) ? 1 : 0,
      fold,
      before: best.confidence.coverageTimesRoot,
    });
  }
  db.close();
  const n = CONFIDENCE_FEATURE_NAMES.length;
  const checked: Array<{ model: number; before: number; y: number }> = [];
  for (const f of [0, 1] as const) {
    const w = fitLogisticNewton(
      rows.filter((r) => r.fold !== f),
      n,
    );
    for (const r of rows.filter((r) => r.fold === f)) checked.push({ model: dotVector(w, r.x), before: r.before, y: r.y });
  }
  const w = fitLogisticNewton(rows, n);
  const weights = Object.fromEntries(CONFIDENCE_FEATURE_NAMES.map((name, i) => [name, Math.round(w[i]! * 10000) / 10000])) as Record<
    keyof ConfidenceWeights,
    number
  >;
  if (out) await writeFile(out, confidenceWeightsSource(rows.length, weights));
  const labels = checked.map((c) => c.y);
  return {
    questions: rows.length,
    right: rows.reduce((s, r) => s + r.y, 0) / Math.max(1, rows.length),
    weights,
    rocArea: {
      before: rocArea(
        checked.map((c) => c.before),
        labels,
      ),
      model: rocArea(
        checked.map((c) => c.model),
        labels,
      ),
    },
  };
}
