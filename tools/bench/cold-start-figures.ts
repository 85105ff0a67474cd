// Cold-start medians with the index cached and not cached. A not-cached start in model mode
// embeds the whole corpus, so on a large corpus it is estimated from the measured indexing rate
// rather than run (and labelled so).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { coldStart, type ColdStartOptions, type ColdStartRun } from "./cold-start.js";
import { median } from "./percentiles.js";

/** Above this many passages a not-cached model-mode start is estimated, not run. */
export const UNCACHED_RUN_LIMIT = 1000;

export interface ColdStartFigures {
  runs: number;
  cached_ms: number;
  uncached_ms: number | null;
  uncached_estimated: boolean;
  rss_peak_mb: number;
}

export interface ColdStartPlan {
  env: Record<string, string>;
  runs: number;
  questions: string[];
  articles: string[];
  passages: number;
  indexingPassagesPerS: number;
  runtime?: ColdStartOptions["runtime"];
  /** false: cached starts only. */
  uncached?: boolean;
}

export async function coldStartFigures(plan: ColdStartPlan): Promise<ColdStartFigures> {
  const model = plan.env.ANSWER_MODE !== "lexical";
  const cached: ColdStartRun[] = [];
  // The first run fills the cache if it is empty; it is not counted.
  const runtime = plan.runtime;
  await coldStart({ env: plan.env, runtime });
  for (let i = 0; i < plan.runs; i++)
    cached.push(await coldStart({ env: plan.env, runtime, questions: plan.questions, articles: plan.articles }));
  const cachedMs = median(cached.map((r) => r.ready_ms));
  let uncachedMs: number | null = null;
  const estimate = model && plan.passages > UNCACHED_RUN_LIMIT;
  if (plan.uncached === false) {
    // cached starts only
  } else if (estimate) {
    uncachedMs = cachedMs + (plan.passages * 1000) / plan.indexingPassagesPerS;
  } else {
    const times: number[] = [];
    for (let i = 0; i < plan.runs; i++) {
      const fresh = await mkdtemp(path.join(os.tmpdir(), "newsdesk-bench-cold-"));
      try {
        times.push((await coldStart({ env: { ...plan.env, CACHE_DIR: fresh }, runtime })).ready_ms);
      } finally {
        await rm(fresh, { recursive: true, force: true });
      }
    }
    uncachedMs = median(times);
  }
  return {
    runs: plan.runs,
    cached_ms: cachedMs,
    uncached_ms: uncachedMs,
    uncached_estimated: estimate,
    rss_peak_mb: Math.max(...cached.map((r) => r.rss_peak_mb)),
  };
}
