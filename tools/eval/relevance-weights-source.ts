import { RELEVANCE_FEATURE_NAMES, type RelevanceWeights } from "../../src/answer/relevance.js";

/** The source text of src/answer/relevance-weights.ts: one named weight a line, in feature order. */
export function relevanceWeightsSource(examples: number, weights: RelevanceWeights): string {
  return (
    `import type { RelevanceWeights } from "./relevance.js";\n\n` +
    `// Written by \`npm run eval -- train-relevance\`: whether a quote says what the question asks, a\n` +
    `// logistic model trained on ${examples} questions of the odd-numbered SQuAD v1.1 dev articles (the\n` +
    `// quote holds a gold answer) and questions whose answer is in no article (features: relevance.ts).\n` +
    `export const RELEVANCE_WEIGHTS: RelevanceWeights = {\n` +
    RELEVANCE_FEATURE_NAMES.map((n) => `  ${n}: ${JSON.stringify(weights[n])},\n`).join("") +
    `};\n`
  );
}
