// One measured start of the bot in model mode over an index whose passages all have vectors (see
// vector-scale.ts): process start to the first answer, the event loop's longest stall (a 10 ms
// setInterval tick's largest gap) up to the first answer and until the dense index is ready,
// answers while the graph builds, RSS, ask latency once ready, then the dense search alone.
// argv: knowledgeDir cacheDir modelsDir questionsJson maxWaitSeconds. Prints one JSON object.
import { readFile } from "node:fs/promises";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/log.js";
import { mainThreadCpuMs } from "./archive/main-thread-cpu.js";
import { median, percentile } from "./percentiles.js";

const [knowledgeDir, cacheDir, modelsDir, questionsFile, maxWait] = process.argv.slice(2) as [string, string, string, string, string];
const questions = JSON.parse(await readFile(questionsFile, "utf8")) as string[];

// Two views of the event loop, one 10 ms tick to the next: the wall-clock gap (which on a loaded
// machine, at low priority, is mostly time not scheduled at all) and the CPU time the main thread
// itself spent in between (Linux /proc, 10 ms ticks): the latter is the longest block of work the
// bot's own thread did, whatever the machine's load.
let last = performance.now();
let lastCpu = mainThreadCpuMs() ?? 0;
let maxGap = 0;
let maxBurst = 0;
let gapsOver100 = 0;
const tick = setInterval(() => {
  const now = performance.now();
  const cpu = mainThreadCpuMs() ?? 0;
  const gap = now - last;
  last = now;
  maxBurst = Math.max(maxBurst, cpu - lastCpu);
  lastCpu = cpu;
  if (gap > maxGap) maxGap = gap;
  if (gap > 100) gapsOver100++;
}, 10);
const stall = () => {
  const out = { max_ms: Math.round(maxGap), gaps_over_100ms: gapsOver100, main_cpu_burst_max_ms: Math.round(maxBurst) };
  maxGap = 0;
  maxBurst = 0;
  gapsOver100 = 0;
  return out;
};

const lines: string[] = [];
const logger = createLogger({
  level: "info",
  write: (line) => {
    lines.push(line);
    process.stderr.write(line.endsWith("\n") ? line : line + "\n");
  },
});
const config = loadConfig(
  { KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: cacheDir, ANSWER_MODE: "auto", LOCAL_MODELS_DIR: modelsDir, MODEL_DTYPE: "q8" },
  {},
);
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const timedAsk = async (q: string) => {
  const t = performance.now();
  await newsdesk.ask(q);
  return performance.now() - t;
};

// The bot's wiring (src/service/run-service.ts) without Discord and the folder watch.
const newsdesk = await createNewsdesk(config, logger, { embedInBackground: true, reindexOffThread: true, catalogInBackground: true });
const opened_ms = performance.now();
await newsdesk.ask(questions[0]!);
const rssFirstAnswer = rssMb();
const out: Record<string, unknown> = {
  rss_first_answer_mb: rssFirstAnswer,
  opened_ms: Math.round(opened_ms),
  first_answer_ms: Math.round(performance.now()),
  mode: newsdesk.status().mode,
  dense_at_first_answer: newsdesk.status().vectorSearch,
  stall_to_first_answer: stall(),
};

// Until the dense index is ready: 3 s with nothing asked (the event loop's stall is then the
// index's own doing, not an answer's), then one question (answered from what the graph holds so far).
const during: number[] = [];
const idleGaps: number[] = [];
const idleBursts: number[] = [];
const askBursts: number[] = [];
const deadline = performance.now() + Number(maxWait) * 1000;
let i = 1;
const denseState = () => newsdesk.status().vectorSearch?.search;
while (denseState() !== "graph-ready" && denseState() !== "exact") {
  if (performance.now() > deadline) break;
  stall();
  await new Promise((r) => setTimeout(r, 3000));
  const idle = stall();
  idleGaps.push(idle.max_ms);
  idleBursts.push(idle.main_cpu_burst_max_ms);
  during.push(await timedAsk(questions[i++ % questions.length]!));
  askBursts.push(stall().main_cpu_burst_max_ms);
}
out.dense_ready_ms = Math.round(performance.now());
out.dense_final = newsdesk.status().vectorSearch;
out.stall_idle_while_building_max_ms = idleGaps.length ? Math.max(...idleGaps) : null;
out.stall_idle_while_building_p50_ms = idleGaps.length ? median(idleGaps) : null;
out.main_cpu_burst_idle_while_building_max_ms = idleBursts.length ? Math.max(...idleBursts) : null;
out.main_cpu_burst_asking_while_building_max_ms = askBursts.length ? Math.max(...askBursts) : null;
out.asks_while_building = during.length;
out.ask_while_building_p50_ms = during.length ? Math.round(median(during)) : null;
out.ask_while_building_max_ms = during.length ? Math.round(Math.max(...during)) : null;
out.rss_ready_mb = rssMb();

const ready: number[] = [];
for (const q of questions) ready.push(await timedAsk(q));
out.ask_ready_p50_ms = Math.round(median(ready) * 10) / 10;
out.ask_ready_p95_ms = Math.round(percentile(ready, 0.95) * 10) / 10;
out.stall_while_asking = stall();
// Nothing asked, graph ready: the bot at rest.
await new Promise((r) => setTimeout(r, 3000));
out.stall_idle_ready = stall();
out.rss_serving_mb = rssMb();
out.rss_peak_mb = Math.round(process.resourceUsage().maxRSS / 1024);
const closing = performance.now();
await newsdesk.close();
out.close_ms = Math.round(performance.now() - closing);
out.log_lines = lines.filter((l) => /vector|HNSW|Embedding/i.test(l)).map((l) => l.slice(0, 300));
clearInterval(tick);
process.stdout.write(JSON.stringify(out) + "\n");
