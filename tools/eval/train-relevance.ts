import { writeFile } from "node:fs/promises";
import path from "node:path";
import { RELEVANCE_FEATURE_NAMES, type RelevanceWeights } from "../../src/answer/relevance.js";
import type { Reading } from "../../src/answer/ask.js";
import { seededSample } from "../bench/seeded-sample.js";
import { titleQuestions } from "../bench/title-questions.js";
import { bbcArticles, readAll } from "./calibrate-replies.js";
import { relevanceWeightsSource } from "./relevance-weights-source.js";
import { showsAnswer } from "./reply-metrics.js";
import { loadSquad } from "./squad-data.js";
import { isTrainingArticle } from "./train-reader.js";

// Trains the relevance model (relevance.ts): logistic regression on the training half, towards 1
// for SQuAD questions whose quoted sentence holds a gold answer and 0 for the others and for
// questions whose answer is in no article (BBC titles on SQuAD, SQuAD questions on BBC). A
// different sample from the one `calibrate` picks the thresholds on. The weights are written as source.

const SEED = 11;
const ITERATIONS = 4000;
const L2 = 1e-3;

interface Row {
  x: Float64Array;
  y: number;
}

const vector = (r: Reading): Float64Array | undefined =>
  r.best ? Float64Array.from(RELEVANCE_FEATURE_NAMES, (n) => r.best!.features[n]) : undefined;

/** Full-batch gradient descent on the mean log loss with an L2 penalty (not on the bias). */
export function fitLogistic(rows: readonly Row[], features: number, iterations = ITERATIONS, l2 = L2, rate = 1): Float64Array {
  const w = new Float64Array(features);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(features);
    for (const { x, y } of rows) {
      let z = 0;
      for (let i = 0; i < features; i++) z += w[i]! * x[i]!;
      const g = 1 / (1 + Math.exp(-z)) - y;
      for (let i = 0; i < features; i++) grad[i] = grad[i]! + g * x[i]!;
    }
    for (let i = 0; i < features; i++) w[i] = w[i]! - rate * (grad[i]! / rows.length + (i === 0 ? 0 : l2 * w[i]!));
  }
  return w;
}

export interface TrainRelevanceReport {
  answerable: number;
  offCorpus: number;
  weights: RelevanceWeights;
  /** Mean log loss on the training rows. */
  logLoss: number;
}

export async function trainRelevance(dataDir: string, out: string | undefined): Promise<TrainRelevanceReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const training = set.questions.filter((q) => isTrainingArticle(q.articleId, titles));
  const asked = seededSample(training, 2000, SEED);
  const bbc = await bbcArticles(dataDir);
  const offTitles = titleQuestions(
    seededSample(
      bbc.map((a) => a.title),
      500,
      SEED,
    ),
    500,
  );
  const onSquad = await readAll(set.articles, [...asked.map((q) => q.question), ...offTitles]);
  const onBbc = await readAll(
    bbc,
    seededSample(training, 500, SEED + 1).map((q) => q.question),
  );
  const rows: Row[] = [];
  asked.forEach((q, i) => {
    const r = onSquad[i]!;
    const x = vector(r);
    if (x) rows.push({ x, y: showsAnswer(r.best!.citation.quote, q.answers) ? 1 : 0 });
  });
  for (const r of [...onSquad.slice(asked.length), ...onBbc]) {
    const x = vector(r);
    if (x) rows.push({ x, y: 0 });
  }
  const w = fitLogistic(rows, RELEVANCE_FEATURE_NAMES.length);
  const weights = Object.fromEntries(RELEVANCE_FEATURE_NAMES.map((n, i) => [n, Math.round(w[i]! * 10000) / 10000])) as Record<
    keyof RelevanceWeights,
    number
  >;
  let loss = 0;
  for (const { x, y } of rows) {
    let z = 0;
    RELEVANCE_FEATURE_NAMES.forEach((n, i) => (z += weights[n] * x[i]!));
    const p = Math.min(1 - 1e-12, Math.max(1e-12, 1 / (1 + Math.exp(-z))));
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  if (out) await writeFile(out, relevanceWeightsSource(asked.length, weights));
  return { answerable: asked.length, offCorpus: onSquad.length - asked.length + onBbc.length, weights, logLoss: loss / rows.length };
}
