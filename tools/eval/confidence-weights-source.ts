import { CONFIDENCE_FEATURE_NAMES, type ConfidenceWeights } from "../../src/answer/span-confidence.js";

/** The source text of src/answer/confidence-weights.ts: one named weight a line, in feature order. */
export function confidenceWeightsSource(examples: number, weights: ConfidenceWeights): string {
  return (
    `import type { ConfidenceWeights } from "./span-confidence.js";\n\n` +
    `// Written by \`npm run eval -- train-confidence\`: whether the reader's span is a right answer, a\n` +
    `// logistic model trained on ${examples} questions of the odd-numbered SQuAD v1.1 dev articles, each read\n` +
    `// by a span ranker trained without its article (features: span-confidence.ts).\n` +
    `export const CONFIDENCE_WEIGHTS: ConfidenceWeights = {\n` +
    CONFIDENCE_FEATURE_NAMES.map((n) => `  ${n}: ${JSON.stringify(weights[n])},\n`).join("") +
    `};\n`
  );
}
