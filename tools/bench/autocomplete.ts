// npx tsx tools/bench/autocomplete.ts [--sizes 10000,50000,200000] [--lookups 40] [--before N] [--data DIR] [--json]
// (node --expose-gc --import tsx … for the heap figure.)
// Per-keystroke cost of /summary autocomplete over synthetic archives built from real BBC titles:
// before = what main did (list and sort every article, then test every title), after = the title
// index that `newsdesk.findArticles` uses. Prints p50/p95/p99 per size; the index's build time (wall
// and CPU); its longest step when built in steps as the app does (the longest the event loop is
// held); and its heap. The machine's load average is printed too: wall times grow with it.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildTitleIndex, buildTitleIndexInSteps } from "../../src/search/title-index.js";
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

/** CPU milliseconds of `fn`: what the lookup itself costs, whatever else the machine is running. */
function cpuTime(fn: () => unknown): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

interface Row {
  size: number;
  keystrokes: number;
  before: LatencySummary;
  after: LatencySummary;
  after_cpu: LatencySummary;
  build_ms: number;
  build_cpu_ms: number;
  longest_step_ms: number;
  heap_mb: number;
}

const base = await bbcTitles(values.data);
const rows: Row[] = [];
for (const size of values.sizes.split(",").map(Number)) {
  const articles = syntheticArticles(base, size);
  const typed = keystrokes(articles, Number(values.lookups));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const index = buildTitleIndex(articles);
  const build = performance.now() - t;
  const buildCpu = process.cpuUsage(cpu);
  global.gc?.();
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  for (const q of typed.slice(0, 50)) index.find(q, LIMIT); // warm up
  const after = typed.map((q) => time(() => index.find(q, LIMIT)));
  const afterCpu = typed.map((q) => cpuTime(() => index.find(q, LIMIT)));

  const every = Math.max(1, Math.floor(typed.length / Number(values.before)));
  const sampled = typed.filter((_, i) => i % every === 0).slice(0, Number(values.before));
  const before = sampled.map((q) => time(() => matchArticlesLinear(listArticles(articles), q, LIMIT)));

  let longest = 0;
  let stepStart = performance.now();
  await buildTitleIndexInSteps(articles, async () => {
    longest = Math.max(longest, performance.now() - stepStart);
    await new Promise((resolve) => setImmediate(resolve));
    stepStart = performance.now();
  });
  longest = Math.max(longest, performance.now() - stepStart);

  rows.push({
    size,
    keystrokes: typed.length,
    before: summarize(before),
    after: summarize(after),
    after_cpu: summarize(afterCpu),
    build_ms: Math.round(build),
    build_cpu_ms: Math.round((buildCpu.user + buildCpu.system) / 1000),
    longest_step_ms: Math.round(longest),
    heap_mb: Math.round(heap),
  });
  process.stderr.write(`${size} articles done\n`);
}

if (values.json) console.log(JSON.stringify({ loadavg: loadavg(), cpus: cpus().length, rows }, null, 2));
else {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${cpus().length} CPUs`,
  );
  console.log(
    "| articles | before p50 / p95 (n) | after p50 / p95 / p99 (n) | after, CPU time p50 / p95 | index build (CPU) | longest step | index heap |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    console.log(
      `| ${r.size.toLocaleString("en")} | ${r.before.p50_ms} / ${r.before.p95_ms} ms (${r.before.n}) | ` +
        `${r.after.p50_ms} / ${r.after.p95_ms} / ${r.after.p99_ms} ms (${r.after.n}) | ` +
        `${r.after_cpu.p50_ms} / ${r.after_cpu.p95_ms} ms | ${r.build_ms} ms (${r.build_cpu_ms} ms) | ` +
        `${r.longest_step_ms} ms | ${r.heap_mb} MB |`,
    );
  }
}
