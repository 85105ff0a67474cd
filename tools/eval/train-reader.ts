import { writeFile } from "node:fs/promises";
import path from "node:path";
import { collectCandidates, type CandidateSpan } from "../../src/answer/collect-candidates.js";
import { ANSWER_DEFAULTS, LEXICAL_READER_DEFAULTS } from "../../src/answer/answer-defaults.js";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { SPAN_FEATURE_NAMES, type SpanWeights } from "../../src/answer/span-feature-names.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { loadSquad } from "./squad-data.js";
import { spanWeightsSource } from "./span-weights-source.js";
import { f1Score } from "./squad-metric.js";

// Trains the lexical reader's span ranker: a softmax over each question's candidates (the
// SQuAD paper's logistic-regression set-up, with a few dozen features), on the SQuAD v1.1 dev
// articles of one half, measured on the other half. The weights are written as source.

const FEATURE_COUNT = SPAN_FEATURE_NAMES.length;
/** Fewer sentences than the reader reads (LEXICAL_READER_DEFAULTS.sentences): the set-up the
 *  shipped weights were trained with; changing it means retraining. */
const TRAINING_SENTENCES = 3;

interface Example {
  /** Each candidate's features as a vector, in SPAN_FEATURE_NAMES order. */
  candidates: Float64Array[];
  /** Indices of the candidates with the best F1 against the gold answers. */
  best: number[];
}

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
  const w = new Float64Array(FEATURE_COUNT);
  const m = new Float64Array(FEATURE_COUNT);
  const v = new Float64Array(FEATURE_COUNT);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const ex of examples) {
      const logits = ex.candidates.map((c) => dot(w, c));
      const max = Math.max(...logits);
      const p = logits.map((l) => Math.exp(l - max));
      const z = p.reduce((a, b) => a + b, 0);
      const zBest = ex.best.reduce((s, i) => s + p[i]!, 0);
      const grad = new Float64Array(FEATURE_COUNT);
      ex.candidates.forEach((c, j) => {
        // d(-log Σbest p)/dlogit_j = p_j/Z − [j ∈ best]·p_j/Zbest
        const g = p[j]! / z - (ex.best.includes(j) ? p[j]! / zBest : 0);
        for (let i = 0; i < FEATURE_COUNT; i++) grad[i] = grad[i]! + g * c[i]!;
      });
      step++;
      for (let i = 0; i < FEATURE_COUNT; i++) {
        const g = grad[i]! + l2 * w[i]!;
        m[i] = 0.9 * m[i]! + 0.1 * g;
        v[i] = 0.999 * v[i]! + 0.001 * g * g;
        w[i] = w[i]! - (0.01 * (m[i]! / (1 - 0.9 ** step))) / (Math.sqrt(v[i]! / (1 - 0.999 ** step)) + 1e-8);
      }
    }
  }
  return Object.fromEntries(SPAN_FEATURE_NAMES.map((n, i) => [n, Math.round(w[i]! * 10000) / 10000])) as Record<keyof SpanWeights, number>;
}

export async function trainReader(dataDir: string, out: string): Promise<{ examples: number; weights: SpanWeights }> {
  const set = await loadSquad(path.join(dataDir, "squad", "dev-v1.1.json"));
  const titles = [...new Set(set.articles.map((a) => a.id.slice(0, a.id.lastIndexOf("/"))))];
  const { search: index } = await indexArticles(set.articles);
  const options = {
    idf: (t: string) => index.idf(t),
    passages: LEXICAL_READER_DEFAULTS.passages,
    sentences: TRAINING_SENTENCES,
    discipline: LEXICAL_READER_DEFAULTS.discipline,
  };
  const examples: Example[] = [];
  for (const q of set.questions) {
    if (!isTrainingArticle(q.articleId, titles)) continue;
    const hits = retrieve(index, q.question, { k: ANSWER_DEFAULTS.passages });
    const candidates = collectCandidates(q.question, hits, options);
    const f1s = candidates.map((c) =>
      f1Score(hits.find((h) => h.passage.id === c.passageId)!.passage.text.slice(c.start, c.end), q.answers),
    );
    const top = Math.max(0, ...f1s);
    if (top < 0.5) continue;
    examples.push({ candidates: candidates.map(vector), best: f1s.flatMap((f, i) => (f === top ? [i] : [])) });
  }
  const weights = train(examples, 8, 1e-4);
  await writeFile(out, spanWeightsSource(examples.length, weights));
  return { examples: examples.length, weights };
}
