// One measured process of the archive bench (a fresh process per figure, as a user would run it):
//   build|refresh  open the app (refresh included) and stop: time, CPU (and the main thread's), peak RSS
//   ask            the command line's cold start: process start to the first answer, then stop
//   start          the bot's start (its options: re-index off thread, article list and the folder's
//                  comparison with the index in the background) to the first answer, then the end of
//                  that comparison
//   serve          the bot's start to the first answer; the planted questions (latency, recall@1); the engine's BM25
//                  search alone; /summary autocomplete keystrokes; then one file edited and the
//                  bot's `reindex` once its start has settled (time, peak RSS), then the edit undone
// argv: phase knowledgeDir cacheDir plantedJson. Prints one JSON object on standard output.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createNewsdesk, type NewsdeskOptions } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { createLogger } from "../../../src/log.js";
import { indexFolder } from "../../../src/search/knowledge-index.js";
import { openIndexDatabase } from "../../../src/search/open-database.js";
import { databaseSearchIndex } from "../../../src/search/search-index.js";
import { searchTerms, searchWords as words } from "../../../src/text/index.js";
import { keystrokes } from "../title-sets.js";
import { mainThreadCpuMs } from "./main-thread-cpu.js";
import type { PlantedQuestion } from "./synthetic-corpus.js";

const [phase, knowledgeDir, cacheDir, plantedFile] = process.argv.slice(2) as [string, string, string, string];
const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: cacheDir, ANSWER_MODE: "lexical", LOG_LEVEL: "warn" }, {});
const logger = createLogger({ level: "warn" });
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
/** Discord's maximum number of autocomplete choices. */
const CHOICES = 25;
/** How many candidates retrieval asks the engine for (depth 50, read past for near-copies). */
const ENGINE_K = 75;

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
const timed = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// The bot's wiring (src/service/run-service.ts) without Discord and the folder watch.
const bot: NewsdeskOptions = { embedInBackground: true, reindexOffThread: true, catalogInBackground: true, checkFolderInBackground: true };
const started = performance.now();
const cpuStart = process.cpuUsage();
const newsdesk = await createNewsdesk(config, logger, phase === "serve" || phase === "start" ? bot : {});
const openMs = performance.now() - started;
const openCpuMs = cpuMs(cpuStart);
// The bot compares the folder with its index in the background: when that ended (process time).
let startupCheckMs: number | undefined;
void newsdesk.startup.then(() => (startupCheckMs = performance.now()));
const out: Record<string, unknown> = {
  open_ms: openMs,
  open_cpu_ms: openCpuMs,
  open_main_cpu_ms: mainThreadCpuMs(),
  process_ms: performance.now(),
  rss_peak_mb: peakMb(),
  passages: newsdesk.status().passages,
};
if (phase === "ask" || phase === "serve" || phase === "start") {
  const planted = JSON.parse(await readFile(plantedFile, "utf8")) as PlantedQuestion[];
  const first = await newsdesk.ask(planted[0]!.question);
  out.first_answer_ms = performance.now();
  out.first_answer_cpu_ms = cpuMs();
  out.first_kind = first.kind;
  if (phase === "start") {
    await newsdesk.startup;
    out.startup_check_ms = startupCheckMs;
    out.rss_peak_checked_mb = peakMb();
  }
  if (phase === "serve") {
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

    // The engine's part of a question: FTS5's BM25 top candidates, on a connection of its own.
    const db = await openIndexDatabase(indexFolder(cacheDir, knowledgeDir), logger);
    const engine = databaseSearchIndex(db);
    const queries = planted.map((q) => searchTerms(q.question));
    for (const q of queries.slice(0, 20)) engine.searchTerms(q, ENGINE_K);
    out.bm25_ms = queries.map((q) => timed(() => engine.searchTerms(q, ENGINE_K)));
    db.close();

    // /summary autocomplete: keystrokes typing titles, words of titles, ids and misses.
    const typed = keystrokes(newsdesk.articles(), 40);
    out.autocomplete_ms = typed.map((q) => timed(() => newsdesk.findArticles(q, CHOICES)));
    out.rss_serving_mb = rssMb();
    out.rss_peak_serving_mb = peakMb();

    // The start's background work (the folder's comparison, the article list, the repair's word
    // lists), if still running, is not part of the edit's reindex: the running bot is measured after it.
    await newsdesk.settled;
    out.startup_check_ms = startupCheckMs;
    out.rss_settled_mb = rssMb();
    out.rss_peak_settled_mb = peakMb();
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
      out.rss_after_reindex_mb = rssMb();
      out.rss_peak_after_reindex_mb = peakMb();
    } finally {
      await writeFile(file, original);
      await newsdesk.reindex();
    }
  }
}
await newsdesk.close();
process.stdout.write(JSON.stringify(out) + "\n");
