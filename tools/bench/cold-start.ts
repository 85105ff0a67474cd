// Cold start: wall time from spawning a fresh Node process (TypeScript loader included, as
// `npm start` runs it) to the app's "ready" line, and that process's peak resident memory after
// it has answered questions with both models loaded.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./cold-start-child.ts", import.meta.url));

export interface ColdStartRun {
  ready_ms: number;
  mode: string;
  passages: number;
  rss_peak_mb: number;
}

export interface ColdStartOptions {
  /** "tsx" runs the TypeScript source as `npm start` does; "node" runs a compiled copy (compileForBench). */
  runtime?: { kind: "tsx" } | { kind: "node"; child: string };
  /** Settings for the child (KNOWLEDGE_DIR, CACHE_DIR, ANSWER_MODE, LOCAL_MODELS_DIR, MODEL_DTYPE …). */
  env: Record<string, string>;
  questions?: string[];
  articles?: string[];
}

export function coldStart(options: ColdStartOptions): Promise<ColdStartRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const runtime = options.runtime ?? { kind: "tsx" };
    const args = runtime.kind === "tsx" ? ["--import", "tsx", CHILD] : [runtime.child];
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        LOG_LEVEL: "silent",
        ...options.env,
        NEWSDESK_BENCH_QUESTIONS: JSON.stringify(options.questions ?? []),
        NEWSDESK_BENCH_ARTICLES: JSON.stringify(options.articles ?? []),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const run: Partial<ColdStartRun> = {};
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      const event = JSON.parse(line) as { event: string; mode?: string; passages?: number; rss_peak_mb?: number };
      if (event.event === "ready")
        Object.assign(run, { ready_ms: performance.now() - started, mode: event.mode, passages: event.passages });
      if (event.event === "done") run.rss_peak_mb = event.rss_peak_mb;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && run.ready_ms !== undefined && run.rss_peak_mb !== undefined) resolve(run as ColdStartRun);
      else reject(new Error(`cold-start process exited with ${code}: ${stderr.trim().split("\n").slice(-5).join(" | ")}`));
    });
  });
}
