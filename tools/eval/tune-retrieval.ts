// Learns the lexical rerank's weights (RETRIEVAL_DEFAULTS: proximity, sentence coverage, phrase,
// shape; BM25 stays at 1) by coordinate ascent on retrieval recall@1 over SQuAD v1.1 dev questions
// of the training half (odd-numbered articles, as the span ranker), and reports the held-out half.
// The signals are computed once per question (rerank-signals.ts); only the weighted sum is redone.
import path from "node:path";
import { lexicalCandidates, rerankScore, type RerankSignals, type RerankWeights } from "../../src/retrieval/rerank-signals.js";
import { DEFAULT_BM25_PARAMS } from "../../src/retrieval/bm25-score.js";
import { RETRIEVAL_DEFAULTS } from "../../src/retrieval/retrieval-defaults.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { seededSample } from "../bench/seeded-sample.js";
import { loadSquad } from "./squad-data.js";
import { isTrainingArticle } from "./train-reader.js";

const SEED = 7;

/** One question's candidates: their signals, and which are from the gold paragraph. */
export interface RankingCase {
  signals: RerankSignals[];
  gold: boolean[];
}

/** Share of cases whose best-scored candidate is gold (ties go to the engine's earlier candidate). */
export function recallAt1(cases: readonly RankingCase[], w: RerankWeights): number {
  let hits = 0;
  for (const c of cases) {
    let best = -1;
    let bestScore = -Infinity;
    c.signals.forEach((s, i) => {
      const score = rerankScore(s, w);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best >= 0 && c.gold[best]) hits++;
  }
  return hits / Math.max(1, cases.length);
}

const NAMES = ["proximity", "coverage", "phrase", "shape"] as const;
const STEPS = [-0.75, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1, 2, 4, 9];

/** Coordinate ascent: each weight in turn tries relative steps and keeps a strict improvement. */
export function coordinateAscent(cases: readonly RankingCase[], start: RerankWeights, rounds = 3): RerankWeights {
  const w = { ...start };
  let best = recallAt1(cases, w);
  for (let round = 0; round < rounds; round++) {
    for (const name of NAMES) {
      const from = w[name];
      let keep = from;
      for (const step of STEPS) {
        w[name] = Math.max(0, from + step * Math.max(from, 0.25));
        const r = recallAt1(cases, w);
        if (r > best + 1e-12) [best, keep] = [r, w[name]];
      }
      w[name] = keep;
    }
  }
  return w;
}

export interface TuneRetrievalResult {
  questions: { train: number; heldOut: number };
  before: { weights: RerankWeights; train: number; heldOut: number };
  after: { weights: RerankWeights; train: number; heldOut: number };
}

export async function tuneRetrieval(dataDir: string, limit = 4000): Promise<TuneRetrievalResult> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const { db, search } = await indexArticles(set.articles);
  const train: RankingCase[] = [];
  const heldOut: RankingCase[] = [];
  try {
    for (const q of seededSample(set.questions, limit, SEED)) {
      const candidates = lexicalCandidates(search, q.question, RETRIEVAL_DEFAULTS.depth, DEFAULT_BM25_PARAMS);
      const c = { signals: candidates.map((x) => x.signals), gold: candidates.map((x) => x.passage.articleId === q.articleId) };
      (isTrainingArticle(q.articleId, titles) ? train : heldOut).push(c);
    }
  } finally {
    db.close();
  }
  const start: RerankWeights = {
    proximity: RETRIEVAL_DEFAULTS.proximityWeight,
    coverage: RETRIEVAL_DEFAULTS.sentenceWeight,
    phrase: RETRIEVAL_DEFAULTS.phraseWeight,
    shape: RETRIEVAL_DEFAULTS.shapeWeight,
  };
  const learned = coordinateAscent(train, start);
  return {
    questions: { train: train.length, heldOut: heldOut.length },
    before: { weights: start, train: recallAt1(train, start), heldOut: recallAt1(heldOut, start) },
    after: { weights: learned, train: recallAt1(train, learned), heldOut: recallAt1(heldOut, learned) },
  };
}

export function formatTuneRetrieval(r: TuneRetrievalResult): string {
  const row = (label: string, x: TuneRetrievalResult["before"]) =>
    `${label.padEnd(9)} ${NAMES.map((n) => `${n} ${x.weights[n].toFixed(3)}`).join(", ")}: recall@1 ${x.train.toFixed(4)} training half, ${x.heldOut.toFixed(4)} held out`;
  return [
    `SQuAD v1.1 dev, ${r.questions.train} training-half and ${r.questions.heldOut} held-out questions (seeded sample); BM25 weight 1`,
    row("shipped", r.before),
    row("learned", r.after),
    `Put the learned weights in src/retrieval/retrieval-defaults.ts only if the held-out figure agrees.`,
  ].join("\n");
}
