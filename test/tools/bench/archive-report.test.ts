// The archive bench's report names every figure the archive issues ask for, from the result it is given.
import { describe, expect, it } from "vitest";
import { archiveReport, type ArchiveResult } from "../../../tools/bench/archive/run-archive-bench.js";
import { mainThreadCpuMs } from "../../../tools/bench/archive/main-thread-cpu.js";

const latency = (p50: number) => ({ n: 200, p50_ms: p50, p95_ms: p50 * 3, p99_ms: p50 * 5, mean_ms: p50, max_ms: p50 * 9 });

const result: ArchiveResult = {
  corpus: "synthetic:10000",
  articles: 10_000,
  passages: 85_622,
  build: { ms: 61_000, cpu_ms: 30_000, main_cpu_ms: 4_000, cpu_ms_per_article: 3, rss_peak_mb: 480 },
  disk_mb: 80,
  refresh_no_change: { ms: 900, cpu_ms: 700 },
  refresh_one_changed: { ms: 1_100, cpu_ms: 800 },
  cold_start_to_answer: { ms: 1_500, cpu_ms: 1_300 },
  bot_start_to_answer: { ms: 1_700, cpu_ms: 1_600 },
  ask: latency(17),
  bm25: latency(2.5),
  autocomplete: latency(0.2),
  ask_cpu_ms_mean: 14,
  recall_at_1: 0.81,
  planted: 200,
  rss_serving_mb: 250,
  rss_settled_mb: 260,
  reindex_one_changed: { ms: 600, cpu_ms: 400, rss_after_mb: 255, rss_peak_mb: 270, rss_peak_before_mb: 262 },
};

describe("the archive bench report", () => {
  it("prints every figure of a size", () => {
    const report = archiveReport(result);
    for (const figure of [
      "first index build  61 s (CPU 30 s, 3.00 ms an article; main thread 4.0 s), peak RSS 480 MB",
      "index on disk",
      "no-change refresh",
      "one article changed, refresh",
      "cold start to first answer, ask  1.5 s",
      "cold start to first answer, bot  1.7 s",
      "ask p50 / p95 / p99  17 ms / 51 ms / 85 ms",
      "BM25 search p50 / p95  2.5 ms / 7.5 ms",
      "autocomplete p50 / p95 / p99  0.2 ms / 0.6 ms / 1.0 ms (200 keystrokes)",
      "recall@1, planted SQuAD questions  0.810",
      "RSS serving (lexical)  250 MB; 260 MB once the start's background work ended",
      "bot reindex, one article changed  600 ms (CPU 400 ms), RSS after 255 MB, peak RSS 270 MB (+3.8 % over the settled bot; peak before 262 MB)",
    ]) {
      expect(report.replace(/ {2,}/g, "  ")).toContain(figure);
    }
  });

  it("reads the main thread's CPU time on Linux, growing with work", () => {
    const before = mainThreadCpuMs();
    if (before === undefined) return; // no /proc: the bench prints the total CPU only
    // 100 ms of CPU spent on this thread (not wall time: the machine may be busy).
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 100_000);
    expect(mainThreadCpuMs()! - before).toBeGreaterThanOrEqual(50);
  });
});
