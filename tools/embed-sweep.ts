// npx tsx tools/embed-sweep.ts [--data DIR] [--cache DIR] [--passages N] [--rounds N] [--threads N]
// Embedding throughput of batch plans on real BBC passages, real tokenization: the default-shape
// generated embedder (with the published tokenizer when --data has model-configs), each plan run
// in turn for several rounds (so load from other processes hits them alike), the int8
// matrix-multiply peak probed every round. Prints medians: passages/s, padding, achieved GFLOP/s
// of the useful (unpadded) work and its share of the peak.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { repairText } from "../src/knowledge/repair/index.js";
import { silentLogger } from "../src/log.js";
import { createEmbedder, type ModelEmbedder } from "../src/models/index.js";
import { paddingShare, planBatches, type BatchLimits } from "../src/models/length-batches.js";
import { refreshIndex } from "../src/search/refresh.js";
import { ensureBenchModels } from "./bench/bench-models.js";
import { knowledgeDirFor } from "./bench/corpora.js";
import { encoderFlops } from "./bench/flops.js";
import { probeMatmul } from "./bench/matmul-probe.js";
import { median } from "./bench/percentiles.js";
import { seededSample } from "./bench/seeded-sample.js";
import { EMBEDDER_ID, SHAPES } from "./generate/shapes.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data" },
    cache: { type: "string", default: "./.newsdesk" },
    passages: { type: "string", default: "512" },
    rounds: { type: "string", default: "3" },
    threads: { type: "string" },
  },
});
const log = (line: string) => process.stderr.write(`[sweep] ${line}\n`);
const tokenizers = path.resolve(values.data, "model-configs");
const modelsDir = await ensureBenchModels(values.cache, "q8", log, existsSync(tokenizers) ? tokenizers : undefined);
const knowledgeDir = await knowledgeDirFor("bbc", values.data, values.cache);
const refresh = await refreshIndex({
  knowledgeDir,
  cacheDir: path.resolve(values.cache, "bench-cache", "bbc-lexical"),
  repair: (b) => repairText(b),
  logger: silentLogger,
});
const all = refresh.items.flatMap((i) => i.passages.map((p) => `${p.title}. ${p.text}`));
const texts = seededSample(all, Number(values.passages), 11);
const threads = values.threads ? Number(values.threads) : undefined;

interface Plan {
  name: string;
  limits: BatchLimits;
  /** Passages per embed call (the old indexer called the embedder per ~256 passages). */
  chunk?: number;
}
const PLANS: Plan[] = [
  { name: "16 rows, per 256-passage call (before)", limits: { maxTokens: Infinity, maxRows: 16 }, chunk: 256 },
  { name: "16 rows, whole set", limits: { maxTokens: Infinity, maxRows: 16 } },
  { name: "2,048 tokens, whole set", limits: { maxTokens: 2048, maxRows: 64 } },
  { name: "4,096 tokens, whole set", limits: { maxTokens: 4096, maxRows: 64 } },
  { name: "8,192 tokens, whole set", limits: { maxTokens: 8192, maxRows: 128 } },
];

const source = { kind: "local" as const, dir: modelsDir };
const embedders = new Map<string, ModelEmbedder>();
for (const plan of PLANS)
  embedders.set(plan.name, await createEmbedder({ modelId: EMBEDDER_ID, dtype: "q8", source, batch: plan.limits, threads }));
const first = embedders.values().next().value!;
const lengths = first.tokenCounts(texts, "passage");
const shape = SHAPES.default.embedder;
const usefulFlops = lengths.reduce((n, tokens) => n + encoderFlops(shape, { batch: 1, tokens }), 0);
log(
  `${texts.length} passages, ${lengths.reduce((a, b) => a + b, 0)} tokens (median ${median(lengths)}), ${(usefulFlops / 1e9).toFixed(0)} GFLOP`,
);

const times = new Map<string, number[]>(PLANS.map((p) => [p.name, []]));
const peaks: number[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  peaks.push((await probeMatmul({ dtype: "q8", threads })).gflops);
  for (const plan of PLANS) {
    const embedder = embedders.get(plan.name)!;
    const chunk = plan.chunk ?? texts.length;
    const t = performance.now();
    for (let i = 0; i < texts.length; i += chunk) await embedder.embed(texts.slice(i, i + chunk), "passage");
    times.get(plan.name)!.push(performance.now() - t);
    log(`round ${round + 1}: ${plan.name}: ${((texts.length * 1000) / times.get(plan.name)!.at(-1)!).toFixed(1)} passages/s`);
  }
}
const peak = Math.max(...peaks);
process.stdout.write(`int8 matmul peak ${peak.toFixed(0)} GFLOP/s (best of ${peaks.length} probes), threads ${threads ?? "all cores"}\n`);
process.stdout.write(`| plan | padding | passages/s | useful GFLOP/s | of peak |\n| --- | --- | --- | --- | --- |\n`);
for (const plan of PLANS) {
  const chunk = plan.chunk ?? texts.length;
  const batches: number[][] = [];
  for (let i = 0; i < lengths.length; i += chunk)
    batches.push(...planBatches(lengths.slice(i, i + chunk), plan.limits).map((b) => b.map((j) => j + i)));
  const ms = median(times.get(plan.name)!);
  const gflops = usefulFlops / (ms * 1e6);
  process.stdout.write(
    `| ${plan.name} | ${(paddingShare(lengths, batches) * 100).toFixed(1)} % | ${((texts.length * 1000) / ms).toFixed(1)} | ${gflops.toFixed(0)} | ${((gflops / peak) * 100).toFixed(0)} % |\n`,
  );
}
for (const e of embedders.values()) await e.dispose();
