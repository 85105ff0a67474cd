// Trains the article summariser's sentence weights (src/summarize/sentence-weights.ts): logistic
// regression of "this sentence is in the BBC reference summary" on the named sentence features,
// on the even-numbered articles only (`--split tune`); the odd-numbered ones stay held out for
// `npm run eval -- summaries`. Features are standardised while training (plain gradient descent
// converges on one scale), then the weights are folded back to the features' own scale.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { articleCandidates } from "../../src/summarize/summarize-article.js";
import { SENTENCE_FEATURE_NAMES, type SentenceFeatureName } from "../../src/summarize/sentence-features.js";
import type { SentenceWeights } from "../../src/summarize/sentence-ranker.js";
import { evalCases, parseBbcRows } from "./summaries/bbc.js";
import { normaliseSentence } from "./summaries/metrics.js";

const EPOCHS = 1500;
const LEARNING_RATE = 1;
const L2 = 1e-4;

export interface TrainSummariesResult {
  articles: number;
  sentences: number;
  weights: SentenceWeights;
}

export async function trainSummaries(dataDir: string): Promise<TrainSummariesResult> {
  const rows = parseBbcRows(await readFile(join(dataDir, "bbc", "bbc_articles_summaries.jsonl"), "utf8"));
  const tune = evalCases(rows).filter((_, i) => i % 2 === 0);
  const names = SENTENCE_FEATURE_NAMES.filter((n) => n !== "bias");
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const c of tune) {
    const references = new Set(c.references.map(normaliseSentence));
    const { units, features } = await articleCandidates(c.article);
    units.forEach((u, i) => {
      xs.push(names.map((n) => features[i]![n]));
      ys.push(references.has(normaliseSentence(u.text)) ? 1 : 0);
    });
  }
  const { mean, scale } = standardisation(xs);
  const z = xs.map((x) => x.map((v, k) => (v - mean[k]!) / scale[k]!));
  const w = logisticRegression(z, ys);
  // w0 + Σ w_k (x_k − μ_k)/σ_k  =  (w0 − Σ w_k μ_k/σ_k) + Σ (w_k/σ_k) x_k
  const weights = { bias: w[0]! } as SentenceWeights;
  names.forEach((n: SentenceFeatureName, k) => {
    weights[n] = w[k + 1]! / scale[k]!;
    weights.bias -= (w[k + 1]! * mean[k]!) / scale[k]!;
  });
  return { articles: tune.length, sentences: xs.length, weights };
}

function standardisation(xs: number[][]): { mean: number[]; scale: number[] } {
  const dim = xs[0]?.length ?? 0;
  const mean = Array<number>(dim).fill(0);
  const scale = Array<number>(dim).fill(0);
  for (const x of xs) x.forEach((v, k) => (mean[k]! += v / xs.length));
  for (const x of xs) x.forEach((v, k) => (scale[k]! += (v - mean[k]!) ** 2 / xs.length));
  return { mean, scale: scale.map((s) => Math.sqrt(s) || 1) };
}

/** Weights [bias, ...features] by full-batch gradient descent on the L2-regularised log loss. */
function logisticRegression(xs: number[][], ys: number[]): number[] {
  const dim = (xs[0]?.length ?? 0) + 1;
  const w = Array<number>(dim).fill(0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gradient = Array<number>(dim).fill(0);
    xs.forEach((x, i) => {
      let z = w[0]!;
      for (let k = 0; k < x.length; k++) z += w[k + 1]! * x[k]!;
      const error = 1 / (1 + Math.exp(-z)) - ys[i]!;
      gradient[0]! += error;
      for (let k = 0; k < x.length; k++) gradient[k + 1]! += error * x[k]!;
    });
    for (let k = 0; k < dim; k++) w[k]! -= (LEARNING_RATE * gradient[k]!) / xs.length + (k ? L2 * w[k]! : 0);
  }
  return w;
}

/** The source text of src/summarize/sentence-weights.ts. */
export function sentenceWeightsSource(result: TrainSummariesResult): string {
  return (
    `import type { SentenceWeights } from "./sentence-ranker.js";\n\n` +
    `// Written by \`npm run eval -- train-summaries\`: logistic weights of the sentence features\n` +
    `// (sentence-features.ts), trained on ${result.sentences} sentences of the ${result.articles} even-numbered\n` +
    `// BBC News Summary articles; the odd-numbered ones are held out.\n` +
    `export const SENTENCE_WEIGHTS: SentenceWeights = {\n` +
    SENTENCE_FEATURE_NAMES.map((n) => `  ${n}: ${JSON.stringify(result.weights[n])},\n`).join("") +
    `};\n`
  );
}

export async function writeSentenceWeights(result: TrainSummariesResult, file: string): Promise<void> {
  await writeFile(file, sentenceWeightsSource(result));
}
