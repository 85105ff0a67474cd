// How much a re-index holds up the event loop (which answers Discord's acknowledgements): the core's
// own `reindex()` over a copy of the BBC articles (2,225), lexical mode, while
// perf_hooks.monitorEventLoopDelay samples. Two cases: every article changed (each file rewritten)
// and nothing changed, and 3 s of no work (the machine's noise floor). Prints medians over the runs of p50/p99/max delay and the re-index time.
//   npx tsx tools/bench/reindex-event-loop.ts [--runs 3] [--articles DIR] [--in-thread]
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { silentLogger } from "../../src/log.js";
import { median } from "./percentiles.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    articles: { type: "string", default: "/work/shared/data/bbc/articles" },
    /** The re-index on the main thread, as the command line does it (for comparison). */
    "in-thread": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

interface Sample {
  reindex_ms: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

/** The same sampling over `work`; with a plain wait it gives the machine's noise floor. */
async function measure(work: () => Promise<unknown>): Promise<Sample> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t = performance.now();
  await work();
  const reindex_ms = performance.now() - t;
  h.disable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return { reindex_ms: Math.round(reindex_ms), p50_ms: ms(h.percentile(50)), p99_ms: ms(h.percentile(99)), max_ms: ms(h.max) };
}

const mid = (samples: Sample[]) => ({
  runs: samples.length,
  reindex_ms: median(samples.map((s) => s.reindex_ms)),
  loop_delay_p50_ms: median(samples.map((s) => s.p50_ms)),
  loop_delay_p99_ms: median(samples.map((s) => s.p99_ms)),
  loop_delay_max_ms: median(samples.map((s) => s.max_ms)),
});

const work = await mkdtemp(path.join(os.tmpdir(), "newsdesk-bench-reindex-"));
try {
  const knowledge = path.join(work, "knowledge");
  await cp(values.articles, knowledge, { recursive: true });
  const files = await filesUnder(knowledge);
  const config = loadConfig({ KNOWLEDGE_DIR: knowledge, CACHE_DIR: path.join(work, "cache"), ANSWER_MODE: "lexical" }, {});
  // As the bot runs it (src/service/run-service.ts): the re-index on a worker thread.
  const newsdesk = await createNewsdesk(config, silentLogger, { reindexOffThread: !values["in-thread"] });
  const changed: Sample[] = [];
  const unchanged: Sample[] = [];
  const idle: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    // Every article changed: a line appended to each file.
    for (const f of files) await writeFile(f, `${await readFile(f, "utf8")}\nRevision ${run + 1}.\n`);
    changed.push(await measure(() => newsdesk.reindex()));
    unchanged.push(await measure(() => newsdesk.reindex()));
    idle.push(await measure(() => new Promise((r) => setTimeout(r, 3000))));
  }
  await newsdesk.close();
  console.log(
    JSON.stringify({ articles: files.length, all_changed: mid(changed), none_changed: mid(unchanged), idle_3s: mid(idle) }, null, 2),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
