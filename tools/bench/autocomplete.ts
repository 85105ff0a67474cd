// npx tsx tools/bench/autocomplete.ts [--sizes 10000,50000,200000] [--lookups 40] [--before N] [--data DIR] [--json]
// Per-keystroke cost of /summary autocomplete over synthetic archives built from real BBC titles:
// before = what main did (list and sort every article, then test every title), after = the title
// index that `newsdesk.findArticles` uses. Prints p50/p95/p99 per size, the index build time and heap.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildTitleIndex } from "../../src/search/title-index.js";
import { listArticles, matchArticlesLinear } from "./linear-title-scan.js";
import { summarize, type LatencySummary } from "./percentiles.js";
import { bbcTitles, keystrokes, syntheticArticles } from "./title-sets.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,50000,200000" },
    lookups: { type: "string", default: "40" },
    before: { type: "string", default: "60" },
    data: { type: "string", default: "../shared/data" },
    json: { type: "boolean", default: false },
  },
});
const LIMIT = 25; // Discord's maximum number of autocomplete choices

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const base = await bbcTitles(values.data);
const rows: { size: number; keystrokes: number; before: LatencySummary; after: LatencySummary; build_ms: number; heap_mb: number }[] = [];
for (const size of values.sizes.split(",").map(Number)) {
  const articles = syntheticArticles(base, size);
  const typed = keystrokes(articles, Number(values.lookups));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  const index = buildTitleIndex(articles);
  const build = performance.now() - t;
  global.gc?.();
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  for (const q of typed.slice(0, 50)) index.find(q, LIMIT); // warm up
  const after = typed.map((q) => time(() => index.find(q, LIMIT)));
  const step = Math.max(1, Math.floor(typed.length / Number(values.before)));
  const sampled = typed.filter((_, i) => i % step === 0).slice(0, Number(values.before));
  const before = sampled.map((q) => time(() => matchArticlesLinear(listArticles(articles), q, LIMIT)));
  rows.push({
    size,
    keystrokes: typed.length,
    before: summarize(before),
    after: summarize(after),
    build_ms: Math.round(build),
    heap_mb: Math.round(heap),
  });
  process.stderr.write(`${size} articles done\n`);
}

if (values.json) console.log(JSON.stringify(rows, null, 2));
else {
  console.log("| articles | before p50 / p95 (n) | after p50 / p95 / p99 (n) | index build | index heap |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of rows) {
    console.log(
      `| ${r.size.toLocaleString("en")} | ${r.before.p50_ms} / ${r.before.p95_ms} ms (${r.before.n}) | ` +
        `${r.after.p50_ms} / ${r.after.p95_ms} / ${r.after.p99_ms} ms (${r.after.n}) | ${r.build_ms} ms | ${r.heap_mb} MB |`,
    );
  }
}
