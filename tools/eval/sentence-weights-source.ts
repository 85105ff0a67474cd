import { SENTENCE_FEATURE_NAMES, type SentenceWeights } from "../../src/answer/sentence-feature-names.js";

/** The source text of src/answer/sentence-weights.ts: one named weight a line, in feature order. */
export function sentenceWeightsSource(examples: number, weights: SentenceWeights): string {
  return (
    `import type { SentenceWeights } from "./sentence-feature-names.js";\n\n` +
    `// Written by \`npm run eval -- train-sentences\`: the lexical reader's sentence-ranking weights,\n` +
    `// trained on ${examples} questions (the sentences of their retrieved passages) of the odd-numbered\n` +
    `// SQuAD v1.1 dev articles, listwise (features: sentence-features.ts).\n` +
    `export const SENTENCE_WEIGHTS: SentenceWeights = {\n` +
    SENTENCE_FEATURE_NAMES.map((n) => `  ${n}: ${JSON.stringify(weights[n])},\n`).join("") +
    `};\n`
  );
}
