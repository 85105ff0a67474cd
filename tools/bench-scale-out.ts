// npm run bench:scale-out -- [--json] [--data DIR] [--corpus bbc|seed] [--mode model|lexical] [--questions N] [--latency-runs N] [--cache DIR]
// Questions a second with 1, 2 and 3 answer workers (model mode by default, one ONNX thread each) and the
// latency the Redis queue adds; medians and p95 as a table (or JSON). Progress on standard error.
import path from "node:path";
import { parseFlags } from "../src/cli/parse-flags.js";
import { runCommand } from "../src/cli/run-command.js";
import { UsageError } from "../src/errors.js";
import { benchScaleOut } from "./bench/scale-out.js";

const USAGE =
  "Usage: npm run bench:scale-out -- [--json] [--data DIR] [--corpus bbc|seed] [--mode model|lexical] [--questions N] [--latency-runs N] [--cache DIR]";
const FLAGS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  data: { type: "string", default: "../shared/data" },
  corpus: { type: "string", default: "bbc" },
  mode: { type: "string", default: "model" },
  cache: { type: "string", default: "./.newsdesk" },
  questions: { type: "string", default: "300" },
  "latency-runs": { type: "string", default: "100" },
} as const;

await runCommand(USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), FLAGS);
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const whole = (name: string, v: string) => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, not "${v}"`);
    return Number(v);
  };
  if (!["bbc", "seed"].includes(values.corpus)) throw new UsageError(`--corpus must be bbc or seed, not "${values.corpus}"`);
  if (values.mode !== "model" && values.mode !== "lexical") throw new UsageError(`--mode must be model or lexical, not "${values.mode}"`);
  const knowledgeDir = values.corpus === "seed" ? path.resolve("knowledge") : path.resolve(values.data, "bbc", "articles");
  const figures = await benchScaleOut({
    knowledgeDir,
    mode: values.mode,
    workDir: path.resolve(values.cache),
    dataDir: path.resolve(values.data),
    questions: whole("questions", values.questions),
    latencyRuns: whole("latency-runs", values["latency-runs"]),
    workerCounts: [1, 2, 3],
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(figures, null, 2) + "\n");
    return 0;
  }
  const rows = [
    `corpus: ${values.corpus} (${figures.articles} articles), ${figures.mode} mode, one ONNX thread and one job at a time per worker`,
    ...figures.throughput.map((t) => `${t.workers} worker${t.workers > 1 ? "s" : " "}: ${t.questionsPerSecond} questions/s`),
    `2 workers / 1 worker: ${figures.speedup2}×`,
    `enqueue → reply, p50 / p95: ${figures.queued.p50_ms} / ${figures.queued.p95_ms} ms (in process ${figures.inProcess.p50_ms} / ${figures.inProcess.p95_ms} ms)`,
    `queue overhead p50 / p95: ${figures.overhead.p50_ms} / ${figures.overhead.p95_ms} ms`,
  ];
  process.stdout.write(rows.join("\n") + "\n");
  return 0;
});
