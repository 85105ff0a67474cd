// npm run models [-- --models DIR]          fetch the configured models into the cache (or check DIR)
// npm run models -- bench [--models DIR] [--runs N]   median latency of one embed and one QA read
import { parseArgs } from "node:util";
import { loadConfig } from "../config/index.js";
import { NewsdeskError } from "../errors.js";
import { createLogger } from "../log.js";
import { resolveModels, type ReadyModels } from "../models/index.js";
import type { Passage } from "../types.js";

const USAGE = "usage: newsdesk models [bench] [--models DIR] [--runs N]";

// About 200 WordPiece tokens of news prose, for timing.
const BENCH_TEXT =
  "The city council voted on Tuesday to approve a new budget that raises spending on public transport by " +
  "twelve per cent, after months of debate over fares, bus routes and the future of the tram line. The mayor " +
  "said the plan would cut journey times for thousands of commuters, while opposition members warned that " +
  "the cost, estimated at 45 million pounds over three years, would fall on local taxpayers. Officials expect " +
  "construction of the first new routes to begin next spring, with services running by the end of 2026. " +
  "Business groups welcomed the decision, arguing that better links would bring more shoppers into the centre, " +
  "but residents near the planned depot have promised to challenge it in court, citing noise and traffic. " +
  "The council will publish a detailed timetable next month and hold public meetings in each district. " +
  "Critics on the finance committee said the figures had not been checked by independent auditors, and asked " +
  "for a review before any contracts are signed with private operators later this year.";

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function bench(models: ReadyModels, runs: number): Promise<void> {
  const passage: Passage = {
    id: "bench#p1",
    articleId: "bench",
    title: "Bench",
    paragraph: 1,
    start: 0,
    end: BENCH_TEXT.length,
    text: BENCH_TEXT,
  };
  const question = "How much will the transport plan cost?";
  const time = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    await fn(); // warm-up
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return median(times).toFixed(1);
  };
  const embedMs = await time(() => models.embedder.embed([BENCH_TEXT], "passage"));
  const queryMs = await time(() => models.embedder.embed([question], "query"));
  const readMs = await time(() => models.reader.read(question, [{ passage, score: 1 }]));
  process.stdout.write(
    `embed passage (~200 tokens): median ${embedMs} ms\nembed query: median ${queryMs} ms\nQA read (1 passage): median ${readMs} ms\n(${runs} runs each)\n`,
  );
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { models: { type: "string" }, runs: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const command = positionals[0] ?? "fetch";
  if (!["fetch", "bench"].includes(command) || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(values.models ? { LOCAL_MODELS_DIR: values.models } : {});
  const logger = createLogger({ level: config.LOG_LEVEL });
  const loadStart = performance.now();
  const result = await resolveModels({ ...config, ANSWER_MODE: "auto" }, logger);
  const loadMs = performance.now() - loadStart;
  if (result.kind !== "ready") {
    process.stderr.write(
      `Cannot fetch the models: ${result.reason}\nOn an offline host, copy the models into a folder and set LOCAL_MODELS_DIR (or pass --models DIR).\n`,
    );
    return 1;
  }
  try {
    if (command === "bench") {
      const rssMb = process.memoryUsage().rss / 1e6;
      process.stdout.write(`load both models: ${loadMs.toFixed(0)} ms, resident memory after load: ${rssMb.toFixed(0)} MB\n`);
      await bench(result, Number(values.runs ?? 20));
    } else
      process.stdout.write(
        `models ready (${result.source}): ${config.EMBEDDING_MODEL} [${result.embedder.dtype}], ${config.QA_MODEL} [${result.reader.dtype}]\n`,
      );
  } finally {
    await result.dispose();
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const message = error instanceof NewsdeskError || error instanceof TypeError ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = error instanceof NewsdeskError && error.code === "CONFIG" ? 2 : 1;
}
