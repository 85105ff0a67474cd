import { SPAN_FEATURE_NAMES } from "../../src/answer/span-feature-names.js";
import type { SpanTrees } from "../../src/answer/span-trees.js";
import type { FlatTrees } from "./boosted-trees.js";

/** Six significant digits: the split thresholds are midpoints between observed values, so this keeps every split. */
const short = (x: number) => Number(x.toPrecision(6));

/** The trees as the reader reads them, with the written source's rounding. */
export function toSpanTrees(trees: FlatTrees): SpanTrees {
  return { names: SPAN_FEATURE_NAMES, ...trees, value: trees.value.map(short) };
}

/** The source text of src/answer/span-tree-model.ts: the boosted trees over SPAN_FEATURE_NAMES. */
export function spanTreesSource(examples: number, settings: string, trees: FlatTrees): string {
  const t = toSpanTrees(trees);
  const list = (xs: readonly (number | string)[]) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
  return (
    `import type { SpanTrees } from "./span-trees.js";\n\n` +
    `// Written by \`npm run eval -- train-reader\`: boosted trees over the span features, added to the\n` +
    `// linear weights' logit (span-trees.ts), fitted on ${examples} examples of the odd-numbered SQuAD\n` +
    `// v1.1 dev articles (${settings}).\n` +
    `// prettier-ignore\n` +
    `export const SPAN_TREES: SpanTrees = {\n` +
    `  names: ${list(t.names)},\n` +
    `  roots: ${list(t.roots)},\n` +
    `  feature: ${list(t.feature)},\n` +
    `  value: ${list(t.value)},\n` +
    `  left: ${list(t.left)},\n` +
    `  right: ${list(t.right)},\n` +
    `};\n`
  );
}
