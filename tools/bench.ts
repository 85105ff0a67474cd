// npm run bench -- --corpus synthetic:N [--questions N] [--json] [--no-compiled]   (the archive bench: index build,
//                  refreshes, cold start, ask latency and recall at N articles)
// npm run bench -- [--json] [--corpus seed|bbc|squad] [--dtype q8|fp32] [--mode model|lexical]
//                  [--questions N] [--summaries N] [--cold-runs N] [--index-passages N] [--index-runs N]
//                  [--vectors 10000,100000,1000000] [--data DIR] [--out DIR] [--cache DIR] [--no-compiled] [--ann-up-to N]
// Figures as a table on standard output (or one JSON object with --json), the latency chart as an
// SVG file in --out (default ./bench-out). Progress goes to standard error.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { benchReport } from "./bench/bench-report.js";
import { CORPORA, type CorpusName } from "./bench/corpora.js";
import { runBench } from "./bench/run-bench.js";
import { archiveReport, runArchiveBench } from "./bench/archive/run-archive-bench.js";
import { latencyChart } from "./bench/svg-chart.js";
import { UsageError } from "../src/errors.js";
import type { Mode } from "../src/types.js";
import { parseFlags } from "../src/cli/parse-flags.js";
import { runCommand } from "../src/cli/run-command.js";

const USAGE = `Usage:
  npm run bench -- --corpus synthetic:N [--questions N] [--json] [--data DIR] [--out DIR] [--cache DIR] [--no-compiled]
  npm run bench -- [--json] [--corpus seed|bbc|squad] [--dtype q8|fp32] [--mode model|lexical]
                   [--questions N] [--summaries N] [--cold-runs N] [--index-passages N] [--index-runs N]
                   [--vectors 10000,100000,1000000] [--data DIR] [--out DIR] [--cache DIR] [--no-compiled] [--ann-up-to N]`;

const FLAGS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  corpus: { type: "string", default: "bbc" },
  dtype: { type: "string", default: "q8" },
  mode: { type: "string" },
  questions: { type: "string", default: "200" },
  summaries: { type: "string", default: "50" },
  "cold-runs": { type: "string", default: "3" },
  "index-passages": { type: "string", default: "256" },
  "index-runs": { type: "string", default: "3" },
  vectors: { type: "string", default: "10000,100000,1000000" },
  data: { type: "string", default: "../shared/data" },
  out: { type: "string", default: "bench-out" },
  cache: { type: "string", default: "./.newsdesk" },
  "no-compiled": { type: "boolean" },
  "ann-up-to": { type: "string", default: "100000" },
} as const;

function count(name: string, value: string, min = 1): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, not "${value}"`);
  return value as T;
}

await runCommand(USAGE, async () => {
  const { values, positionals } = parseFlags(process.argv.slice(2), FLAGS);
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const synthetic = /^synthetic:(\d+)(k?)$/.exec(values.corpus);
  if (synthetic) {
    const articles = Number(synthetic[1]) * (synthetic[2] ? 1000 : 1);
    if (articles < 1) throw new UsageError("--corpus synthetic:N needs N ≥ 1");
    const result = await runArchiveBench({
      articles,
      planted: Math.min(count("questions", values.questions), articles),
      dataDir: values.data,
      workDir: values.cache,
      compiled: !values["no-compiled"],
      log: (line) => process.stderr.write(`[bench] ${line}\n`),
    });
    await mkdir(values.out, { recursive: true });
    await writeFile(path.join(values.out, `bench-synthetic-${articles}.json`), JSON.stringify(result, null, 2) + "\n");
    process.stdout.write(values.json ? JSON.stringify(result) + "\n" : archiveReport(result) + "\n");
    return 0;
  }
  const corpus = oneOf<CorpusName>("corpus", values.corpus, CORPORA);
  const modes: Mode[] = values.mode === undefined ? ["model", "lexical"] : [oneOf<Mode>("mode", values.mode, ["model", "lexical"])];
  const result = await runBench({
    corpus,
    dtype: oneOf("dtype", values.dtype, ["q8", "fp32"] as const),
    modes,
    questions: count("questions", values.questions),
    summaries: count("summaries", values.summaries),
    coldRuns: count("cold-runs", values["cold-runs"]),
    indexPassages: count("index-passages", values["index-passages"]),
    indexRuns: count("index-runs", values["index-runs"]),
    vectorSizes: values.vectors.split(",").map((v) => count("vectors", v.trim())),
    compiled: values["no-compiled"] !== true,
    annUpTo: count("ann-up-to", values["ann-up-to"], 0),
    dataDir: values.data,
    workDir: values.cache,
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
  });
  await mkdir(values.out, { recursive: true });
  const chart = path.join(values.out, `ask-latency-${corpus}-${result.dtype}.svg`);
  const series = modes.flatMap((m) => (result.latencies[m] ? [{ label: `${m} mode`, values_ms: result.latencies[m]! }] : []));
  await writeFile(chart, latencyChart(`ask latency, ${corpus} corpus, ${result.questions} questions (${result.dtype})`, series));
  const { latencies, ...figures } = result;
  const json = { ...figures, chart };
  await writeFile(path.join(values.out, `bench-${corpus}-${result.dtype}.json`), JSON.stringify(json, null, 2) + "\n");
  process.stdout.write(values.json ? JSON.stringify(json) + "\n" : benchReport(result) + `\nlatency chart: ${chart}\n`);
  return 0;
});
