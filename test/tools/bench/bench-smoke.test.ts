// A seconds-long smoke run of the benchmark (benchmarks are not tests: this checks that the
// command runs and reports the documented keys, not how fast anything is).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

async function bench(args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["tools/bench.ts", ...args], { env: { ...process.env, LOG_LEVEL: "silent" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run bench (smoke)", () => {
  it("runs on the seed folder in lexical mode and prints one JSON object with the documented keys", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "newsdesk-bench-smoke-"));
    const out = path.join(dir, "out");
    const { code, stdout, stderr } = await bench([
      "--json",
      "--corpus",
      "seed",
      "--mode",
      "lexical",
      "--questions",
      "8",
      "--summaries",
      "1",
      "--cold-runs",
      "1",
      "--index-runs",
      "1",
      "--vectors",
      "500",
      "--ann-up-to",
      "500",
      "--no-compiled",
      "--out",
      out,
      "--cache",
      path.join(dir, "cache"),
    ]);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(result.cold_start_ms).toBeGreaterThan(0);
    expect(result.rss_peak_mb).toBeGreaterThan(0);
    expect(result.index).toHaveProperty("passages_per_s", null); // lexical run: no model indexing
    expect(result.index.lexical_passages_per_s).toBeGreaterThan(0);
    expect(result.ask.model).toBeNull();
    expect(Object.keys(result.ask.lexical)).toEqual(expect.arrayContaining(["p50_ms", "p95_ms", "p99_ms"]));
    expect(result.ask.lexical.n).toBe(8);
    expect(result.ask.lexical.p50_ms).toBeLessThanOrEqual(result.ask.lexical.p99_ms);
    expect(result.vector_search).toEqual([
      expect.objectContaining({ vectors: 500, approximate: expect.objectContaining({ recall_at_10: expect.any(Number) }) }),
    ]);
    expect(result.compiled).toBeNull();
    expect(existsSync(result.chart)).toBe(true);
    expect(await readFile(result.chart, "utf8")).toContain("lexical mode (n=8)");
  }, 90_000);

  it("refuses an unknown corpus with a usage error (exit 2)", async () => {
    const { code, stderr } = await bench(["--corpus", "nope"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--corpus must be one of seed, bbc, squad");
  });
});
