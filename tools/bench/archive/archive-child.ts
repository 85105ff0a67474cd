// One measured process of the archive bench (a fresh process per figure, as a user would run it):
//   build|refresh  open the app (refresh included) and stop: time, peak RSS
//   serve          cold start to the first answer, then the planted questions (latency, recall@1),
//                  then one file edited and `reindex` (time, peak RSS), then the edit undone
// argv: phase knowledgeDir cacheDir plantedJson. Prints one JSON object on standard output.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { createLogger } from "../../../src/log.js";
import { searchWords as words } from "../../../src/text/index.js";
import type { PlantedQuestion } from "./synthetic-corpus.js";

const [phase, knowledgeDir, cacheDir, plantedFile] = process.argv.slice(2) as [string, string, string, string];
const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: cacheDir, ANSWER_MODE: "lexical", LOG_LEVEL: "warn" }, {});
const logger = createLogger({ level: "warn" });
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** The passage comes from the question's paragraph: nearly all its words are the paragraph's. */
function fromParagraph(passage: string, paragraph: string): boolean {
  const own = new Set(words(paragraph));
  const ws = words(passage);
  return ws.length > 0 && ws.filter((w) => own.has(w)).length >= 0.9 * ws.length;
}

const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const started = performance.now();
const cpuStart = process.cpuUsage();
const newsdesk = await createNewsdesk(config, logger);
const openMs = performance.now() - started;
const openCpuMs = cpuMs(cpuStart);
const out: Record<string, unknown> = {
  open_ms: openMs,
  open_cpu_ms: openCpuMs,
  process_ms: performance.now(),
  rss_peak_mb: peakMb(),
  passages: newsdesk.status().passages,
};
if (phase === "serve") {
  const planted = JSON.parse(await readFile(plantedFile, "utf8")) as PlantedQuestion[];
  const first = await newsdesk.ask(planted[0]!.question);
  out.first_answer_ms = performance.now();
  out.first_answer_cpu_ms = cpuMs();
  out.first_kind = first.kind;
  const latencies: number[] = [];
  let hits = 0;
  const cpu = process.cpuUsage();
  for (const q of planted) {
    const t = performance.now();
    const answer = await newsdesk.ask(q.question);
    latencies.push(performance.now() - t);
    if (answer.nearest[0] && fromParagraph(answer.nearest[0].text, q.paragraph)) hits++;
  }
  const used = process.cpuUsage(cpu);
  out.ask_ms = latencies;
  out.ask_cpu_ms_mean = (used.user + used.system) / 1000 / planted.length;
  out.recall_at_1 = hits / planted.length;
  out.rss_serving_mb = rssMb();
  out.rss_peak_serving_mb = peakMb();
  // One article edited while the bot runs: the bot's own reindex.
  const file = path.join(knowledgeDir, planted[0]!.file);
  const original = await readFile(file, "utf8");
  await writeFile(file, original + "\nAn editor's note added to this article for the benchmark.\n");
  try {
    const t = performance.now();
    const c = process.cpuUsage();
    const report = await newsdesk.reindex();
    out.reindex_one_ms = performance.now() - t;
    out.reindex_one_cpu_ms = cpuMs(c);
    out.reindex_changed = report.changed.length;
    out.rss_peak_after_reindex_mb = peakMb();
  } finally {
    await writeFile(file, original);
    await newsdesk.reindex();
  }
}
await newsdesk.close();
process.stdout.write(JSON.stringify(out) + "\n");
