// The model-only figures: the generated models checked against the published ones, the
// matrix-multiply peak, each model's achieved GFLOP/s, and model-mode indexing throughput.
import type { Config } from "../../src/config/index.js";
import { openKnowledgeIndex } from "../../src/search/knowledge-index.js";
import { repairText } from "../../src/knowledge/repair/index.js";
import { silentLogger } from "../../src/log.js";
import { resolveModels } from "../../src/models/index.js";
import { SHAPES } from "../generate/shapes.js";
import type { BenchDtype } from "./bench-models.js";
import { embedderEfficiency, readerEfficiency, type ModelEfficiency } from "./efficiency.js";
import { measureIndexing, type IndexingFigures } from "./indexing.js";
import { probeMatmul, type ProbeResult } from "./matmul-probe.js";
import { checkBenchModels, type ModelCheck } from "./model-check.js";

export interface ModelRunFigures {
  models: ModelCheck[];
  efficiency: { peak: ProbeResult; runs: ModelEfficiency[] };
  indexing: IndexingFigures;
}

export interface ModelRunPlan {
  config: Config;
  modelsDir: string;
  dtype: BenchDtype;
  /** A cache folder holding this corpus's lexical index (passages to embed come from it). */
  lexicalCacheDir: string;
  indexPassages: number;
  indexRuns: number;
  log: (line: string) => void;
}

export async function modelRunFigures(plan: ModelRunPlan): Promise<ModelRunFigures> {
  const models = await checkBenchModels(plan.modelsDir, plan.dtype);
  plan.log(`matrix-multiply probe (${plan.dtype})`);
  const peak = await probeMatmul({ dtype: plan.dtype });
  const loaded = await resolveModels(plan.config, silentLogger);
  if (loaded.kind !== "ready") throw new Error(`models did not load: ${loaded.reason}`);
  try {
    plan.log("model efficiency and indexing throughput");
    const shapes = SHAPES.default;
    const runs = [
      await embedderEfficiency(loaded.embedder, shapes.embedder, peak.gflops),
      await readerEfficiency(loaded.reader, shapes.qa, peak.gflops),
    ];
    const knowledge = await openKnowledgeIndex({
      knowledgeDir: plan.config.KNOWLEDGE_DIR,
      cacheDir: plan.lexicalCacheDir,
      repair: (b) => repairText(b),
      logger: silentLogger,
    });
    await knowledge.refresh();
    const ids = knowledge.search.articleIds().sort();
    const articles = (function* () {
      for (const id of ids) yield knowledge.search.article(id)!;
    })();
    const indexing = await measureIndexing(articles, loaded.embedder, plan.indexPassages, plan.indexRuns, shapes.embedder).finally(() =>
      knowledge.close(),
    );
    // Probed again after the model runs: other processes only ever slow a probe down, so the
    // higher of the two is the better estimate of what this machine can do.
    const again = await probeMatmul({ dtype: plan.dtype });
    const best = again.gflops > peak.gflops ? again : peak;
    const ofBest = runs.map((r) => ({ ...r, of_peak: r.gflops / best.gflops }));
    // Indexing real passages as efficiency: only the unpadded tokens' FLOPs count as work done.
    const gflops = indexing.useful_gflop / (indexing.median_ms / 1000);
    ofBest.push({
      what: `index ${indexing.passages} passages (useful work)`,
      batch: indexing.passages,
      tokens: Math.round(indexing.tokens / indexing.passages),
      median_ms: indexing.median_ms,
      gflop_per_run: indexing.useful_gflop,
      gflops,
      of_peak: gflops / best.gflops,
    });
    return { models, efficiency: { peak: best, runs: ofBest }, indexing };
  } finally {
    await loaded.dispose();
  }
}
