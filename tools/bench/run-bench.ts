// The benchmark: cold start, indexing, ask and summarize latency, peak memory, model efficiency
// and vector search, all through the product's own code path (createNewsdesk with generated
// default-shape models in LOCAL_MODELS_DIR). Returns one plain object; the CLI prints it.
import { existsSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { createNewsdesk } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import { silentLogger } from "../../src/log.js";
import type { Mode } from "../../src/types.js";
import { askLatencies, summarizeLatencies } from "./ask-latency.js";
import { ensureBenchModels, type BenchDtype } from "./bench-models.js";
import { coldStartFigures, type ColdStartFigures } from "./cold-start-figures.js";
import { compileForBench } from "./compiled-build.js";
import { knowledgeDirFor, questionsFor, type CorpusName } from "./corpora.js";
import type { ModelEfficiency } from "./efficiency.js";
import type { IndexingFigures } from "./indexing.js";
import type { ProbeResult } from "./matmul-probe.js";
import type { ModelCheck } from "./model-check.js";
import { modelRunFigures } from "./model-runs.js";
import { median, summarize, type LatencySummary } from "./percentiles.js";
import { seededSample } from "./seeded-sample.js";
import { vectorSweep, type SweepPoint } from "./vector-sweep.js";

export interface BenchOptions {
  corpus: CorpusName;
  dtype: BenchDtype;
  modes: Mode[];
  questions: number;
  summaries: number;
  coldRuns: number;
  indexPassages: number;
  indexRuns: number;
  vectorSizes: number[];
  /** Sizes up to this also get the approximate (HNSW) index; 0 for none. */
  annUpTo: number;
  /** Also time cached cold starts of a tsc-compiled copy under plain node (no tsx loader). */
  compiled: boolean;
  dataDir: string;
  /** Cache folder for generated models, bench indexes and corpora (gitignored). */
  workDir: string;
  log: (line: string) => void;
}

export interface BenchResult {
  corpus: CorpusName;
  dtype: BenchDtype;
  machine: { cpus: number; threads: number };
  /** Whose tokenizers the generated models carry: the published ones (real token counts) or generated ones. */
  tokenizers: "real" | "generated";
  passages: number;
  questions: number;
  cold_start_ms: number;
  cold_start: Partial<Record<Mode, ColdStartFigures>>;
  rss_peak_mb: number;
  /** The same cached cold start run as compiled JavaScript under plain node. */
  compiled: { cold_start_ms: number; rss_peak_mb: number } | null;
  index: { passages_per_s: number | null; tokens_per_s: number | null; model: IndexingFigures | null; lexical_passages_per_s: number };
  ask: Record<Mode, LatencySummary | null>;
  summarize: Record<Mode, LatencySummary | null>;
  efficiency: { peak: ProbeResult; runs: ModelEfficiency[] } | null;
  models: ModelCheck[] | null;
  vector_search: SweepPoint[];
  /** Raw ask latencies per mode, for the chart. */
  latencies: Partial<Record<Mode, number[]>>;
}

/** The HNSW search, or undefined (with a note) when its native module is not built here. */
async function loadApproximate(log: (line: string) => void) {
  try {
    return (await import("../../src/search/approximate-dense.js")).searchApproximate;
  } catch (error) {
    log(`approximate index unavailable (hnswlib-node did not load: ${(error as Error).message})`);
    return undefined;
  }
}

const cacheFor = (o: BenchOptions, tag: string) => path.resolve(o.workDir, "bench-cache", `${o.corpus}-${tag}`);

function settings(o: BenchOptions, knowledgeDir: string, mode: Mode, modelsDir?: string): Record<string, string> {
  const base = {
    KNOWLEDGE_DIR: knowledgeDir,
    CACHE_DIR: cacheFor(o, mode === "model" ? o.dtype : "lexical"),
    MODEL_DTYPE: o.dtype,
    LOG_LEVEL: "silent",
  };
  return mode === "model" ? { ...base, ANSWER_MODE: "auto", LOCAL_MODELS_DIR: modelsDir! } : { ...base, ANSWER_MODE: "lexical" };
}

const config = (env: Record<string, string>): Config => loadConfig(env as Partial<Record<keyof Config, string>>, {});

export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const { log } = o;
  const knowledgeDir = await knowledgeDirFor(o.corpus, o.dataDir, o.workDir);
  const wantModel = o.modes.includes("model");
  // The published tokenizer files, when the data folder has them: real vocabularies, real token counts.
  const realTokenizers = path.resolve(o.dataDir, "model-configs");
  const tokenizers = existsSync(realTokenizers) ? realTokenizers : undefined;
  if (wantModel && !tokenizers) log(`no ${realTokenizers}: the models get generated tokenizers (token counts 9–59 % above the real ones)`);
  const modelsDir = wantModel ? await ensureBenchModels(o.workDir, o.dtype, log, tokenizers) : undefined;

  log(`lexical indexing of ${knowledgeDir} (${o.indexRuns} runs, empty cache each)`);
  const lexicalEnv = settings(o, knowledgeDir, "lexical");
  const lexicalTimes: number[] = [];
  let passages = 0;
  for (let run = 0; run < o.indexRuns; run++) {
    await rm(lexicalEnv.CACHE_DIR!, { recursive: true, force: true });
    const t = performance.now();
    const app = await createNewsdesk(config(lexicalEnv), silentLogger);
    lexicalTimes.push(performance.now() - t);
    passages = app.status().passages;
    await app.close();
  }
  const lexicalApp = await createNewsdesk(config(lexicalEnv), silentLogger);
  const questions = await questionsFor(o.corpus, lexicalApp.articles(), o.questions, o.dataDir);
  const articleIds = seededSample(
    lexicalApp
      .articles()
      .map((a) => a.id)
      .sort(),
    o.summaries,
    7,
  );

  const result: BenchResult = {
    corpus: o.corpus,
    dtype: o.dtype,
    machine: { cpus: availableParallelism(), threads: availableParallelism() },
    tokenizers: tokenizers ? "real" : "generated",
    passages,
    questions: questions.length,
    cold_start_ms: 0,
    cold_start: {},
    rss_peak_mb: 0,
    compiled: null,
    index: { passages_per_s: null, tokens_per_s: null, model: null, lexical_passages_per_s: (passages * 1000) / median(lexicalTimes) },
    ask: { model: null, lexical: null },
    summarize: { model: null, lexical: null },
    efficiency: null,
    models: null,
    vector_search: [],
    latencies: {},
  };
  if (o.modes.includes("lexical")) {
    log(`lexical ask: ${questions.length} questions; summaries: ${articleIds.length} articles`);
    result.latencies.lexical = await askLatencies(lexicalApp, questions);
    result.ask.lexical = summarize(result.latencies.lexical);
    result.summarize.lexical = summarize(await summarizeLatencies(lexicalApp, articleIds));
  }
  await lexicalApp.close();

  if (wantModel) {
    const figures = await modelRunFigures({
      config: config(settings(o, knowledgeDir, "model", modelsDir)),
      modelsDir: modelsDir!,
      dtype: o.dtype,
      lexicalCacheDir: lexicalEnv.CACHE_DIR!,
      indexPassages: o.indexPassages,
      indexRuns: o.indexRuns,
      log,
    });
    result.models = figures.models;
    result.efficiency = figures.efficiency;
    result.index = {
      ...result.index,
      passages_per_s: figures.indexing.passages_per_s,
      tokens_per_s: figures.indexing.tokens_per_s,
      model: figures.indexing,
    };
    log(`model ask: opening the app (the first run on a corpus embeds every passage once; cached after)`);
    const modelApp = await createNewsdesk(config(settings(o, knowledgeDir, "model", modelsDir)), silentLogger);
    if (modelApp.status().mode !== "model") throw new Error("the app did not start in model mode");
    log(`model ask: ${questions.length} questions; summaries: ${articleIds.length} articles`);
    result.latencies.model = await askLatencies(modelApp, questions);
    result.ask.model = summarize(result.latencies.model);
    result.summarize.model = summarize(await summarizeLatencies(modelApp, articleIds));
    await modelApp.close();
  }

  for (const mode of o.modes) {
    log(`cold start, ${mode} mode (${o.coldRuns} runs)`);
    result.cold_start[mode] = await coldStartFigures({
      env: settings(o, knowledgeDir, mode, modelsDir),
      runs: o.coldRuns,
      questions: questions.slice(0, 20),
      articles: articleIds.slice(0, 5),
      passages,
      indexingPassagesPerS: mode === "model" ? result.index.passages_per_s! : result.index.lexical_passages_per_s,
    });
  }
  const mainMode: Mode = wantModel ? "model" : "lexical";
  const main = result.cold_start[mainMode]!;
  result.cold_start_ms = main.cached_ms;
  result.rss_peak_mb = main.rss_peak_mb;
  if (o.compiled) {
    log(`cold start, ${mainMode} mode, compiled JavaScript under plain node (${o.coldRuns} runs)`);
    const child = await compileForBench(o.workDir);
    // Its own copy of the cache (vectors included): the compiled code's index fingerprint differs.
    const env = settings(o, knowledgeDir, mainMode, modelsDir);
    const compiledCache = `${env.CACHE_DIR}-compiled`;
    await rm(compiledCache, { recursive: true, force: true });
    await cp(env.CACHE_DIR!, compiledCache, { recursive: true });
    const figures = await coldStartFigures({
      env: { ...env, CACHE_DIR: compiledCache },
      runs: o.coldRuns,
      questions: questions.slice(0, 20),
      articles: articleIds.slice(0, 5),
      passages,
      indexingPassagesPerS: 1,
      runtime: { kind: "node", child },
      uncached: false,
    });
    result.compiled = { cold_start_ms: figures.cached_ms, rss_peak_mb: figures.rss_peak_mb };
  }

  log(`vector search sweep: ${o.vectorSizes.join(", ")} vectors`);
  result.vector_search = vectorSweep(o.vectorSizes, {
    approximate: o.annUpTo > 0 ? await loadApproximate(log) : undefined,
    approximateUpTo: o.annUpTo,
  });
  return result;
}
