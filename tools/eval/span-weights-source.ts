import { SPAN_FEATURE_NAMES, type SpanWeights } from "../../src/answer/span-feature-names.js";

/** The source text of src/answer/span-weights.ts: one named weight a line, in feature order. */
export function spanWeightsSource(examples: number, weights: SpanWeights): string {
  return (
    `import type { SpanWeights } from "./span-feature-names.js";\n\n` +
    `// Written by \`npm run eval -- train-reader\`: the lexical reader's span-ranking weights, trained on\n` +
    `// ${examples} examples (a question's candidates in its retrieved passages, or in its own paragraph)\n` +
    `// of the odd-numbered SQuAD v1.1 dev articles, listwise (features: span-features.ts).\n` +
    `export const SPAN_WEIGHTS: SpanWeights = {\n` +
    SPAN_FEATURE_NAMES.map((n) => `  ${n}: ${JSON.stringify(weights[n])},\n`).join("") +
    `};\n`
  );
}
