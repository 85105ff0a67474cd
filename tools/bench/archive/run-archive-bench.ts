// The archive bench: a synthetic corpus of N articles indexed, refreshed and asked through the
// product's own code, each figure from a fresh process (`npm run bench -- --corpus synthetic:N`).
import { spawn } from "node:child_process";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileForBench } from "../compiled-build.js";
import { summarize, type LatencySummary } from "../percentiles.js";
import { syntheticCorpus } from "./synthetic-corpus.js";

const CHILD = fileURLToPath(new URL("./archive-child.ts", import.meta.url));

export interface ArchiveOptions {
  articles: number;
  planted: number;
  dataDir: string;
  workDir: string;
  log: (line: string) => void;
  /** Run the measured processes compiled (plain node, as `npm start` runs the bot), not under the
   *  tsx loader (which adds its own start time and memory, a worker thread's too). Default true. */
  compiled?: boolean;
}

export interface ArchiveResult {
  corpus: string;
  articles: number;
  passages: number | null;
  /** Wall and CPU time (the CPU figure is steadier on a shared machine); `main_cpu_ms` is the main
   *  thread's share (it writes; worker threads prepare articles): on an idle machine the wall time
   *  is about max(main, (cpu − main) / workers). */
  build: { ms: number; cpu_ms: number; main_cpu_ms: number | null; cpu_ms_per_article: number; rss_peak_mb: number };
  disk_mb: number;
  refresh_no_change: { ms: number; cpu_ms: number };
  refresh_one_changed: { ms: number; cpu_ms: number };
  /** Process start (TypeScript loader included) to the first answer: `npm run ask`, and the bot's start. */
  cold_start_to_answer: { ms: number; cpu_ms: number };
  bot_start_to_answer: { ms: number; cpu_ms: number };
  ask: LatencySummary;
  /** The engine's BM25 top candidates alone. */
  bm25: LatencySummary;
  /** /summary autocomplete, one keystroke. */
  autocomplete: LatencySummary;
  ask_cpu_ms_mean: number;
  recall_at_1: number;
  planted: number;
  /** While questions are asked, the start's background work possibly still running / after it. */
  rss_serving_mb: number;
  rss_settled_mb: number;
  /** rss_peak_before_mb: the process's peak before the edit (the start's included); the rise is
   *  measured against the settled bot's RSS. */
  reindex_one_changed: { ms: number; cpu_ms: number; rss_after_mb: number; rss_peak_mb: number; rss_peak_before_mb: number };
}

type ChildOutput = Record<string, number | number[] | string>;

function child(script: string, phase: string, knowledgeDir: string, cacheDir: string, plantedFile: string): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
    const proc = spawn(process.execPath, [...loader, script, phase, knowledgeDir, cacheDir, plantedFile], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as ChildOutput);
      else reject(new Error(`${phase} process exited with ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`));
    });
  });
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export async function runArchiveBench(o: ArchiveOptions): Promise<ArchiveResult> {
  const t = performance.now();
  const corpus = await syntheticCorpus(o.articles, o.planted, o.dataDir, o.workDir);
  o.log(`corpus synthetic:${o.articles} ready in ${Math.round(performance.now() - t)} ms at ${corpus.dir}`);
  const plantedFile = path.join(corpus.dir, ".planted.json");
  const cacheDir = path.resolve(o.workDir, "bench-cache", `synthetic-${o.articles}`);
  await rm(cacheDir, { recursive: true, force: true });
  let script = CHILD;
  if (o.compiled ?? true) {
    o.log("compiling the project (plain node for the measured processes; --no-compiled runs them under tsx)");
    script = path.join(path.dirname(await compileForBench(o.workDir)), "archive", "archive-child.js");
  }
  const run = (phase: string) => child(script, phase, corpus.dir, cacheDir, plantedFile);

  o.log("first index build (empty cache)");
  const build = await run("build");
  const disk = await folderBytes(cacheDir);
  o.log("no-change refresh");
  const same = await run("refresh");
  o.log("one article changed, refresh");
  const edited = path.join(corpus.dir, corpus.planted[corpus.planted.length - 1]!.file);
  const original = await readFile(edited, "utf8");
  await writeFile(edited, original + "\nA correction was appended to this article.\n");
  let one: ChildOutput;
  try {
    one = await run("refresh");
  } finally {
    await writeFile(edited, original);
  }
  await run("refresh");
  o.log("cold start of the command line's ask");
  const ask = await run("ask");
  o.log(`the bot: cold start, ${corpus.planted.length} planted questions, BM25, autocomplete, reindex after one edit`);
  const serve = await run("serve");
  const counts = JSON.parse(await readFile(plantedFile, "utf8")) as unknown[];
  return {
    corpus: `synthetic:${o.articles}`,
    articles: o.articles,
    passages: build.passages as number,
    build: {
      ms: build.open_ms as number,
      cpu_ms: build.open_cpu_ms as number,
      main_cpu_ms: (build.open_main_cpu_ms as number | undefined) ?? null,
      cpu_ms_per_article: (build.open_cpu_ms as number) / o.articles,
      rss_peak_mb: build.rss_peak_mb as number,
    },
    disk_mb: Math.round(disk / 1024 / 1024),
    refresh_no_change: { ms: same.open_ms as number, cpu_ms: same.open_cpu_ms as number },
    refresh_one_changed: { ms: one.open_ms as number, cpu_ms: one.open_cpu_ms as number },
    cold_start_to_answer: { ms: ask.first_answer_ms as number, cpu_ms: ask.first_answer_cpu_ms as number },
    bot_start_to_answer: { ms: serve.first_answer_ms as number, cpu_ms: serve.first_answer_cpu_ms as number },
    ask: summarize(serve.ask_ms as number[]),
    bm25: summarize(serve.bm25_ms as number[]),
    autocomplete: summarize(serve.autocomplete_ms as number[]),
    ask_cpu_ms_mean: serve.ask_cpu_ms_mean as number,
    recall_at_1: serve.recall_at_1 as number,
    planted: counts.length,
    rss_serving_mb: serve.rss_serving_mb as number,
    rss_settled_mb: serve.rss_settled_mb as number,
    reindex_one_changed: {
      ms: serve.reindex_one_ms as number,
      cpu_ms: serve.reindex_one_cpu_ms as number,
      rss_after_mb: serve.rss_after_reindex_mb as number,
      rss_peak_mb: serve.rss_peak_after_reindex_mb as number,
      rss_peak_before_mb: serve.rss_peak_settled_mb as number,
    },
  };
}

const s = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

/** Sub-millisecond figures keep a decimal. */
const ms = (v: number) => (v >= 10 ? s(v) : `${v.toFixed(1)} ms`);

/** The reindex's peak RSS over the running bot's RSS once its start settled (issue target: ≤ +10 %). */
function reindexRise(r: ArchiveResult): string {
  const rise = (r.reindex_one_changed.rss_peak_mb / r.rss_settled_mb - 1) * 100;
  return `${rise >= 0 ? "+" : ""}${rise.toFixed(1)} %`;
}

export function archiveReport(r: ArchiveResult): string {
  const rows: Array<[string, string]> = [
    ["corpus", `${r.corpus} (${r.passages ?? "?"} passages)`],
    [
      "first index build",
      `${s(r.build.ms)} (CPU ${s(r.build.cpu_ms)}, ${r.build.cpu_ms_per_article.toFixed(2)} ms an article` +
        `${r.build.main_cpu_ms === null ? "" : `; main thread ${s(r.build.main_cpu_ms)}`}), peak RSS ${r.build.rss_peak_mb} MB`,
    ],
    ["index on disk", `${r.disk_mb} MB`],
    ["no-change refresh", `${s(r.refresh_no_change.ms)} (CPU ${s(r.refresh_no_change.cpu_ms)})`],
    ["one article changed, refresh", `${s(r.refresh_one_changed.ms)} (CPU ${s(r.refresh_one_changed.cpu_ms)})`],
    ["cold start to first answer, ask", `${s(r.cold_start_to_answer.ms)} (CPU ${s(r.cold_start_to_answer.cpu_ms)})`],
    ["cold start to first answer, bot", `${s(r.bot_start_to_answer.ms)} (CPU ${s(r.bot_start_to_answer.cpu_ms)})`],
    [
      "ask p50 / p95 / p99",
      `${s(r.ask.p50_ms)} / ${s(r.ask.p95_ms)} / ${s(r.ask.p99_ms)} (CPU ${r.ask_cpu_ms_mean.toFixed(1)} ms a question)`,
    ],
    ["BM25 search p50 / p95", `${ms(r.bm25.p50_ms)} / ${ms(r.bm25.p95_ms)}`],
    [
      "autocomplete p50 / p95 / p99",
      `${ms(r.autocomplete.p50_ms)} / ${ms(r.autocomplete.p95_ms)} / ${ms(r.autocomplete.p99_ms)} (${r.autocomplete.n} keystrokes)`,
    ],
    ["recall@1, planted SQuAD questions", `${r.recall_at_1.toFixed(3)} (${r.planted} questions)`],
    ["RSS serving (lexical)", `${r.rss_serving_mb} MB; ${r.rss_settled_mb} MB once the start's background work ended`],
    [
      "bot reindex, one article changed",
      `${s(r.reindex_one_changed.ms)} (CPU ${s(r.reindex_one_changed.cpu_ms)}), RSS after ${r.reindex_one_changed.rss_after_mb} MB, ` +
        `peak RSS ${r.reindex_one_changed.rss_peak_mb} MB (${reindexRise(r)} over the settled bot; peak before ${r.reindex_one_changed.rss_peak_before_mb} MB)`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
}
