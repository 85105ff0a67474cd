import { writeFile } from "node:fs/promises";
import path from "node:path";
import { collectCandidates, type CandidateSpan } from "../../src/answer/collect-candidates.js";
import { ANSWER_DEFAULTS, LEXICAL_READER_DEFAULTS } from "../../src/answer/answer-defaults.js";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { SPAN_FEATURE_NAMES, type SpanWeights } from "../../src/answer/span-feature-names.js";
import { indexArticles } from "../../src/search/memory-index.js";
import type { ScoredPassage } from "../../src/types.js";
import { loadSquad } from "./squad-data.js";
import { spanWeightsSource } from "./span-weights-source.js";
import { f1Score } from "./squad-metric.js";
import { trainListwise } from "./listwise.js";
import { boostTrees, flatScore, type BoostOptions, type FlatTrees } from "./boosted-trees.js";
import { spanTreesSource, toSpanTrees } from "./span-trees-source.js";
import type { SpanTrees } from "../../src/answer/span-trees.js";

// Trains the lexical reader's span ranker: a softmax over each question's candidates (the
// SQuAD paper's logistic-regression set-up, with a few dozen features), on the SQuAD v1.1 dev
// articles of one half, measured on the other half. The weights are written as source.

const FEATURE_COUNT = SPAN_FEATURE_NAMES.length;
/** Passes and L2 penalty: 16 and 1e-3 did best held out (47.1 against 46.9 at 8 and 1e-4). */
const EPOCHS = 16;
const L2 = 1e-3;
/** The features added with the listwise rework, masked in the "earlier features" variant: every
 *  scalar feature from "bestSentence" on (they were appended in that order) and the length priors. */
const NEW_FEATURES = new Set<string>(SPAN_FEATURE_NAMES.slice(SPAN_FEATURE_NAMES.indexOf("bestSentence")));

interface Example {
  /** Each candidate's features as a vector, in SPAN_FEATURE_NAMES order. */
  candidates: Float64Array[];
  /** Indices of the candidates with the best F1 against the gold answers. */
  best: number[];
  f1s: number[];
  /** The SQuAD article's index among the titles (the trees' rounds are chosen on half the training articles). */
  title: number;
}

/** The trees' settings; the number of rounds is chosen on the training half (see chooseRounds). */
const TREES: Omit<BoostOptions, "rounds"> = { depth: 4, rate: 0.1, lambda: 1 };
const MAX_ROUNDS = 400;
const ROUND_STEP = 25;

export function isTrainingArticle(articleId: string, titles: readonly string[]): boolean {
  return titles.indexOf(articleId.slice(0, articleId.lastIndexOf("/"))) % 2 === 1;
}

/** The reader's own score (the same sum, in the same order, as `dot` in lexical-reader.ts). */
function dot(w: Float64Array, features: Float64Array): number {
  let s = 0;
  for (let i = 0; i < FEATURE_COUNT; i++) s += w[i]! * features[i]!;
  return s;
}

const vector = (c: CandidateSpan): Float64Array => Float64Array.from(SPAN_FEATURE_NAMES, (n) => c.features[n]);

function train(examples: Example[], epochs: number, l2: number): SpanWeights {
  const w = trainListwise(
    examples.map((e) => ({ items: e.candidates, best: e.best })),
    FEATURE_COUNT,
    epochs,
    l2,
  );
  return Object.fromEntries(SPAN_FEATURE_NAMES.map((n, i) => [n, Math.round(w[i]! * 10000) / 10000])) as Record<keyof SpanWeights, number>;
}

/** Candidates of a question with their F1 against the gold answers. */
function scored(candidates: CandidateSpan[], texts: Map<string, string>, answers: string[]): { vectors: Float64Array[]; f1s: number[] } {
  return {
    vectors: candidates.map(vector),
    f1s: candidates.map((c) => f1Score(texts.get(c.passageId)!.slice(c.start, c.end), answers)),
  };
}

function example({ vectors, f1s }: { vectors: Float64Array[]; f1s: number[] }, title: number): Example | undefined {
  const top = Math.max(0, ...f1s);
  if (top < 0.5) return undefined;
  return { candidates: vectors, best: f1s.flatMap((f, i) => (f === top ? [i] : [])), f1s, title };
}

/** Mean F1 (×100) of the top-scoring candidate per question: the reader on the gold paragraph. */
function heldOutF1(weights: SpanWeights, questions: Array<{ vectors: Float64Array[]; f1s: number[] }>, trees?: FlatTrees): number {
  const w = Float64Array.from(SPAN_FEATURE_NAMES, (n) => weights[n]);
  let sum = 0;
  for (const q of questions) {
    let best = -Infinity,
      f1 = 0;
    q.vectors.forEach((v, i) => {
      const s = dot(w, v) + (trees ? flatScore(trees, v) : 0);
      if (s > best) [best, f1] = [s, q.f1s[i]!];
    });
    sum += f1;
  }
  return (100 * sum) / Math.max(1, questions.length);
}

const boostLists = (examples: Example[], weights: SpanWeights) => {
  const w = Float64Array.from(SPAN_FEATURE_NAMES, (n) => weights[n]);
  return examples.map((e) => ({ items: e.candidates, best: e.best, base: e.candidates.map((c) => dot(w, c)) }));
};

/**
 * The number of rounds, chosen without the held-out half: trees fitted on every other one of the
 * examples' articles, each prefix of them scored on the rest.
 */
function chooseRounds(examples: Example[], weights: SpanWeights): { rounds: number; f1: number } {
  const titles = [...new Set(examples.map((e) => e.title))].sort((a, b) => a - b);
  const inFit = new Set(titles.filter((_, i) => i % 2 === 0));
  const fit = examples.filter((e) => inFit.has(e.title));
  const check = examples.filter((e) => !inFit.has(e.title)).map((e) => ({ vectors: e.candidates, f1s: e.f1s }));
  const trees = boostTrees(boostLists(fit, weights), FEATURE_COUNT, { ...TREES, rounds: MAX_ROUNDS });
  let best = { rounds: 0, f1: heldOutF1(weights, check) };
  for (let rounds = ROUND_STEP; rounds <= MAX_ROUNDS; rounds += ROUND_STEP) {
    const f1 = heldOutF1(weights, check, { ...trees, roots: trees.roots.slice(0, rounds) });
    if (f1 > best.f1) best = { rounds, f1 };
  }
  return best;
}

interface Ranker {
  weights: SpanWeights;
  trees: FlatTrees;
  rounds: number;
  /** The chosen rounds' F1 on the articles left out of fitting them. */
  validationF1: number;
}

/** The shipped training on some examples: the listwise linear model (unless given, already trained
 *  on them), then the trees on its logits. */
function fitRanker(examples: Example[], weights: SpanWeights = train(examples, EPOCHS, L2)): Ranker {
  const chosen = chooseRounds(examples, weights);
  const trees = boostTrees(boostLists(examples, weights), FEATURE_COUNT, { ...TREES, rounds: chosen.rounds });
  return { weights, trees, rounds: chosen.rounds, validationF1: chosen.f1 };
}

export interface TrainReaderReport {
  examples: number;
  weights: SpanWeights;
  /** Reader alone on the gold paragraph, held-out half (the questions `reader --gold --limit 2000` asks). */
  heldOutGoldF1: number;
  /** The same for the variants tried, by name. */
  variants: Record<string, number>;
}

interface TrainingData {
  /** Examples from the training half's questions, on the passages retrieval gives them. */
  retrieved: Example[];
  /** Every so many held-out questions' candidates on their gold paragraph. */
  check: Array<{ vectors: Float64Array[]; f1s: number[] }>;
  titles: string[];
}

async function trainingData(dataDir: string): Promise<TrainingData> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const { search: index, db } = await indexArticles(set.articles);
  const texts = new Map<string, string>();
  const byArticle = new Map<string, ScoredPassage[]>();
  for (const p of index.eachPassage()) {
    texts.set(p.id, p.text);
    byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), { passage: p, score: 1 }]);
  }
  const options = {
    idf: (t: string) => index.idf(t),
    passages: LEXICAL_READER_DEFAULTS.passages,
    sentences: LEXICAL_READER_DEFAULTS.sentences,
    discipline: LEXICAL_READER_DEFAULTS.discipline,
  };
  const retrieved: Example[] = [];
  const check: TrainingData["check"] = [];
  const every = Math.ceil(set.questions.length / 2000);
  for (const [i, q] of set.questions.entries()) {
    const goldCandidates = () => scored(collectCandidates(q.question, byArticle.get(q.articleId) ?? [], options), texts, q.answers);
    if (!isTrainingArticle(q.articleId, titles)) {
      if (i % every === 0) check.push(goldCandidates());
      continue;
    }
    const hits = retrieve(index, q.question, { k: ANSWER_DEFAULTS.passages });
    const title = titles.indexOf(q.articleId.slice(0, q.articleId.lastIndexOf("/")));
    const r = example(scored(collectCandidates(q.question, hits, options), texts, q.answers), title);
    if (r) retrieved.push(r);
  }
  db.close();
  return { retrieved, check, titles };
}

export async function trainReader(dataDir: string, out: string): Promise<TrainReaderReport> {
  const { retrieved, check } = await trainingData(dataDir);
  // Variants, each measured held out for the record: the features before the listwise set (masked
  // to 0) and the training settings.
  const masked = (examples: Example[], off: ReadonlySet<string>) =>
    examples.map((e) => ({ ...e, candidates: e.candidates.map((c) => c.map((x, i) => (off.has(SPAN_FEATURE_NAMES[i]!) ? 0 : x))) }));
  const variants: Record<string, number> = {};
  // Tried and not kept (held-out gold-paragraph F1): the gold paragraph's candidates as further
  // examples (46.7 against 46.9), soft targets by each candidate's F1 (45.1), the first and last
  // word's part of speech by question type (46.4), the candidate closest to the question's words in
  // its sentence or in the best sentence (46.7).
  const tries: Array<[string, Example[], number, number]> = [
    ["earlier features, 8 epochs, l2 1e-4", masked(retrieved, NEW_FEATURES), 8, 1e-4],
    ["+ listwise features, 8 epochs, l2 1e-4", retrieved, 8, 1e-4],
    [`+ listwise features, ${EPOCHS} epochs, l2 ${L2}`, retrieved, EPOCHS, L2],
  ];
  let linear: SpanWeights | undefined;
  for (const [name, examples, epochs, l2] of tries) {
    linear = train(examples, epochs, l2);
    variants[name] = heldOutF1(linear, check);
  }
  // What is written: the last linear model plus boosted trees on its logits, their rounds chosen on
  // the training half alone.
  const ranker = fitRanker(retrieved, linear);
  const settings = `${ranker.rounds} trees of depth ${TREES.depth}, rate ${TREES.rate}, lambda ${TREES.lambda}`;
  const f1 = heldOutF1(ranker.weights, check, ranker.trees);
  variants[`+ ${settings} (validation half of the training articles: F1 ${ranker.validationF1.toFixed(2)})`] = f1;
  await writeFile(out, spanWeightsSource(retrieved.length, ranker.weights));
  await writeFile(path.join(path.dirname(out), "span-tree-model.ts"), spanTreesSource(retrieved.length, settings, ranker.trees));
  return { examples: retrieved.length, weights: ranker.weights, heldOutGoldF1: f1, variants };
}

/** The fold of the SQuAD article at `title` (an index among the titles): every other training article
 *  (the odd-numbered ones) is in fold 0, the rest in fold 1; held-out articles are in neither. */
export function trainingFold(title: number): 0 | 1 | undefined {
  if (title % 2 !== 1) return undefined;
  return Math.floor(title / 2) % 2 === 0 ? 0 : 1;
}

/** The training articles in two folds (alternate ones), and for each the ranker trained without it. */
export interface FoldRankers {
  /** The fold of a training-half article; undefined for a held-out one. */
  foldOf(articleId: string): 0 | 1 | undefined;
  /** rankers[f]: trained the shipped way on the other fold's questions alone. */
  rankers: [LexicalRanker, LexicalRanker];
}

export interface LexicalRanker {
  weights: SpanWeights;
  trees: SpanTrees;
}

/**
 * Cross-fitting for the reply thresholds: a question of fold f scored by the ranker that never saw
 * fold f is scored as a question the shipped ranker never saw, so the thresholds are not calibrated
 * on the ranker's in-sample confidence.
 */
export async function foldRankers(dataDir: string): Promise<FoldRankers> {
  const { retrieved, titles } = await trainingData(dataDir);
  const without = (f: 0 | 1): LexicalRanker => {
    const r = fitRanker(retrieved.filter((e) => trainingFold(e.title) !== f));
    return { weights: r.weights, trees: toSpanTrees(r.trees) };
  };
  return {
    foldOf: (articleId) => trainingFold(titles.indexOf(articleId.slice(0, articleId.lastIndexOf("/")))),
    rankers: [without(0), without(1)],
  };
}
