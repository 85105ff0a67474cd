// npx tsx tools/embed-sweep.ts [--data DIR] [--cache DIR] [--passages N] [--rounds N] [--threads N]
// Embedding throughput of batch plans on real BBC passages, real tokenization: the default-shape
// generated embedder (with the published tokenizer when --data has model-configs), each plan run
// in turn for several rounds (so load from other processes hits them alike), the int8
// matrix-multiply peak probed every round. Prints medians: passages/s, padding, achieved GFLOP/s
// of the useful (unpadded) work and its share of the peak. Run it on a quiet machine: other
// processes on the cores make every plan look alike.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createEmbedder, type ModelEmbedder } from "../src/models/index.js";
import { paddingShare, planBatches, type BatchLimits } from "../src/models/length-batches.js";
import { ensureBenchModels } from "./bench/bench-models.js";
import { knowledgeDirFor } from "./bench/corpora.js";
import { corpusTexts } from "./bench/corpus-texts.js";
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
const all = (await corpusTexts(knowledgeDir, path.join(values.cache, "bench-cache", "bbc-texts"))).embedded;
const texts = seededSample(all, Number(values.passages), 11);
const threads = values.threads ? Number(values.threads) : undefined;

interface Plan {
  name: string;
  limits: BatchLimits;
  /** Passages per embed call (the old indexer called the embedder per ~256 passages). */
  chunk?: number;
  /** Uniform texts instead of the BBC passages: the efficiency reference. */
  uniform?: boolean;
}
const PLANS: Plan[] = [
  { name: "reference: uniform 16 × 128 tokens", limits: { maxTokens: Infinity, maxRows: 16 }, uniform: true },
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
const uniformTexts = texts.map(() => Array.from({ length: 126 }, () => "the").join(" "));
const textsOf = (plan: Plan) => (plan.uniform ? uniformTexts : texts);
const shape = SHAPES.default.embedder;
const lengthsOf = (plan: Plan) => first.tokenCounts(textsOf(plan), "passage");
const flopsOf = (plan: Plan) => lengthsOf(plan).reduce((n, tokens) => n + encoderFlops(shape, { batch: 1, tokens }), 0);
const bbcLengths = lengthsOf(PLANS[1]!);
log(
  `${texts.length} passages, ${bbcLengths.reduce((a, b) => a + b, 0)} tokens (median ${median(bbcLengths)}), ${(flopsOf(PLANS[1]!) / 1e9).toFixed(0)} GFLOP`,
);

const times = new Map<string, number[]>(PLANS.map((p) => [p.name, []]));
const peaks: number[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  const probe = await probeMatmul({ dtype: "q8", threads });
  peaks.push(probe.gflops);
  for (const plan of PLANS) {
    const embedder = embedders.get(plan.name)!;
    const chunk = plan.chunk ?? texts.length;
    const t = performance.now();
    const input = textsOf(plan);
    for (let i = 0; i < input.length; i += chunk) await embedder.embed(input.slice(i, i + chunk), "passage");
    times.get(plan.name)!.push(performance.now() - t);
    log(`round ${round + 1}: ${plan.name}: ${((texts.length * 1000) / times.get(plan.name)!.at(-1)!).toFixed(1)} passages/s`);
  }
}
const peak = Math.max(...peaks);
const threadCount = threads ?? availableParallelism();
process.stdout.write(`int8 matmul peak ${peak.toFixed(0)} GFLOP/s (best of ${peaks.length} probes), ${threadCount} threads\n`);
process.stdout.write(`| plan | padding | passages/s | of peak | useful GFLOP/s |\n| --- | --- | --- | --- | --- |\n`);
for (const plan of PLANS) {
  const chunk = plan.chunk ?? texts.length;
  const lengths = lengthsOf(plan);
  const usefulFlops = flopsOf(plan);
  const batches: number[][] = [];
  for (let i = 0; i < lengths.length; i += chunk)
    batches.push(...planBatches(lengths.slice(i, i + chunk), plan.limits).map((b) => b.map((j) => j + i)));
  const ms = median(times.get(plan.name)!);
  const gflops = usefulFlops / (ms * 1e6);
  const cells = [
    plan.name,
    `${(paddingShare(lengths, batches) * 100).toFixed(1)} %`,
    ((texts.length * 1000) / ms).toFixed(1),
    `${((gflops / peak) * 100).toFixed(0)} %`,
    gflops.toFixed(0),
  ];
  process.stdout.write(`| ${cells.join(" | ")} |\n`);
}
for (const e of embedders.values()) await e.dispose();
