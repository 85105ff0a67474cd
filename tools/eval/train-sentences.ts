import { writeFile } from "node:fs/promises";
import path from "node:path";
import { ANSWER_DEFAULTS, LEXICAL_READER_DEFAULTS } from "../../src/answer/answer-defaults.js";
import { rankSentences, type RankedSentence } from "../../src/answer/rank-sentences.js";
import { SENTENCE_FEATURE_NAMES, type SentenceWeights } from "../../src/answer/sentence-feature-names.js";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { indexArticles } from "../../src/search/memory-index.js";
import type { ScoredPassage } from "../../src/types.js";
import { dotVector, trainListwise, type ListExample } from "./listwise.js";
import { showsAnswer } from "./reply-metrics.js";
import { sentenceWeightsSource } from "./sentence-weights-source.js";
import { loadSquad } from "./squad-data.js";
import { isTrainingArticle } from "./train-reader.js";

// Trains the lexical reader's sentence ranker: a softmax over the sentences of a question's
// retrieved passages, towards those that hold a gold answer, on the SQuAD v1.1 dev articles of
// one half; measured on the other half. The weights are written as source.

const FEATURES = SENTENCE_FEATURE_NAMES.length;
const EPOCHS = 12;
const L2 = 1e-3;

/** One question's sentences: feature vectors and which hold a gold answer. */
interface List {
  vectors: Float64Array[];
  holds: boolean[];
  /** The sentences' coverage and passage weight, for the ordering the reader used before. */
  before: number[];
}

function listOf(sentences: RankedSentence[], answers: string[]): List {
  return {
    vectors: sentences.map((s) => Float64Array.from(SENTENCE_FEATURE_NAMES, (n) => s.features[n])),
    holds: sentences.map((s) => showsAnswer(s.text, answers)),
    before: sentences.map((s) => s.coverage * (0.8 + 0.2 * s.passageWeight)),
  };
}

/** Share of lists whose top item (by `score`) holds a gold answer. */
function topAccuracy(lists: readonly List[], score: (l: List, i: number) => number): number {
  let right = 0;
  for (const l of lists) {
    let best = -Infinity,
      at = -1;
    l.vectors.forEach((_, i) => {
      const s = score(l, i);
      if (s > best) [best, at] = [s, i];
    });
    if (at >= 0 && l.holds[at]) right++;
  }
  return right / Math.max(1, lists.length);
}

export interface SentenceAccuracy {
  /** Questions whose list holds a gold answer in some sentence (the others cannot be got right). */
  questions: number;
  /** The coverage order the reader used before the ranker; the trained ranker. */
  before: number;
  ranker: number;
}

export interface TrainSentencesReport {
  examples: number;
  weights: SentenceWeights;
  /** Held-out half: the retrieved passages' sentences, and the gold paragraph's. */
  heldOut: { retrieved: SentenceAccuracy; gold: SentenceAccuracy };
  /** Variants tried, by name: held-out accuracy on the retrieved passages. */
  variants: Record<string, number>;
}

export async function trainSentences(dataDir: string, out: string | undefined): Promise<TrainSentencesReport> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const { search: index } = await indexArticles(set.articles);
  const byArticle = new Map<string, ScoredPassage[]>();
  for (const p of index.eachPassage()) byArticle.set(p.articleId, [...(byArticle.get(p.articleId) ?? []), { passage: p, score: 1 }]);
  const options = { idf: (t: string) => index.idf(t), passages: LEXICAL_READER_DEFAULTS.passages };
  const training: List[] = [];
  const heldRetrieved: List[] = [];
  const heldGold: List[] = [];
  const every = Math.ceil(set.questions.length / 4000);
  for (const [i, q] of set.questions.entries()) {
    const train = isTrainingArticle(q.articleId, titles);
    if (!train && i % every !== 0) continue;
    const hits = retrieve(index, q.question, { k: ANSWER_DEFAULTS.passages });
    const retrieved = listOf(rankSentences(q.question, hits, options), q.answers);
    if (train) {
      if (retrieved.holds.some(Boolean)) training.push(retrieved);
      continue;
    }
    if (retrieved.holds.some(Boolean)) heldRetrieved.push(retrieved);
    const gold = listOf(rankSentences(q.question, byArticle.get(q.articleId) ?? [], options), q.answers);
    if (gold.holds.some(Boolean)) heldGold.push(gold);
  }
  const examples: ListExample[] = training.map((l) => ({ items: l.vectors, best: l.holds.flatMap((h, i) => (h ? [i] : [])) }));
  const variants: Record<string, number> = {};
  const tries: Array<[string, number, number]> = [
    ["6 epochs, l2 1e-3", 6, 1e-3],
    [`${EPOCHS} epochs, l2 ${L2}`, EPOCHS, L2],
  ];
  let w: Float64Array = new Float64Array(FEATURES);
  for (const [name, epochs, l2] of tries) {
    w = trainListwise(examples, FEATURES, epochs, l2);
    variants[name] = topAccuracy(heldRetrieved, (l, i) => dotVector(w, l.vectors[i]!));
  }
  const weights = Object.fromEntries(SENTENCE_FEATURE_NAMES.map((n, i) => [n, Math.round(w[i]! * 10000) / 10000])) as Record<
    keyof SentenceWeights,
    number
  >;
  const rounded = Float64Array.from(SENTENCE_FEATURE_NAMES, (n) => weights[n]);
  const accuracy = (lists: List[]): SentenceAccuracy => ({
    questions: lists.length,
    before: topAccuracy(lists, (l, i) => l.before[i]!),
    ranker: topAccuracy(lists, (l, i) => dotVector(rounded, l.vectors[i]!)),
  });
  if (out) await writeFile(out, sentenceWeightsSource(examples.length, weights));
  return { examples: examples.length, weights, heldOut: { retrieved: accuracy(heldRetrieved), gold: accuracy(heldGold) }, variants };
}
