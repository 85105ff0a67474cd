// npx tsx tools/token-counts.ts [--data DIR] [--cache DIR]
// Token counts of the BBC corpus under the published tokenizers (../shared/data/model-configs)
// against the generator's own (what the bench's models carried before --tokenizers): embedder
// passages, QA passages, whole articles for the summariser (and the share over its 1,024-token
// window), and the padding of the embedder's batch plans. Deterministic: no model is run.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AutoTokenizer } from "@huggingface/transformers";
import { DEFAULT_BATCH_LIMITS } from "../src/models/embedder.js";
import { paddingShare, planBatches, type BatchLimits } from "../src/models/length-batches.js";
import { literalTokenizer } from "../src/models/literal-tokenizer.js";
import { useModelSource } from "../src/models/transformers-env.js";
import { bartTokenizerConfig, bartTokenizerJson } from "./generate/bart-files.js";
import { buildBpeVocab } from "./generate/bpe-vocab.js";
import { EMBEDDER_ID, QA_ID, SHAPES, SUMMARIZER_ID } from "./generate/shapes.js";
import { tokenizerConfig, tokenizerJson } from "./generate/tokenizer-files.js";
import { buildVocab } from "./generate/vocab.js";
import { knowledgeDirFor } from "./bench/corpora.js";
import { corpusTexts } from "./bench/corpus-texts.js";

const { values } = parseArgs({
  options: { data: { type: "string", default: "../shared/data" }, cache: { type: "string", default: "./.newsdesk" } },
});
const real = path.resolve(values.data, "model-configs");

/** The generator's tokenizers, written where AutoTokenizer can load them. */
async function generatedTokenizers(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "newsdesk-generated-tokenizers-"));
  const write = async (id: string, json: object, config: object) => {
    const folder = path.join(dir, ...id.split("/"));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "tokenizer.json"), JSON.stringify(json));
    await writeFile(path.join(folder, "tokenizer_config.json"), JSON.stringify(config));
  };
  const shapes = SHAPES.default;
  await write(
    EMBEDDER_ID,
    tokenizerJson(buildVocab({ size: shapes.embedder.vocab, uncased: true }), true),
    tokenizerConfig(true, "BertTokenizer", 512),
  );
  await write(
    QA_ID,
    tokenizerJson(buildVocab({ size: shapes.qa.vocab, uncased: false }), false),
    tokenizerConfig(false, "DistilBertTokenizer", 512),
  );
  await write(SUMMARIZER_ID, bartTokenizerJson(buildBpeVocab(shapes.summarizer.vocab)), bartTokenizerConfig(1024));
  return dir;
}

const knowledgeDir = await knowledgeDirFor("bbc", values.data, values.cache);
const texts = await corpusTexts(knowledgeDir, path.join(values.cache, "bench-cache", "bbc-texts"));
const { embedded: passages, passages: qaPassages, articles } = texts;
const generated = await generatedTokenizers();

async function counts(dir: string, id: string, texts: string[], prefix = ""): Promise<number[]> {
  useModelSource({ kind: "local", dir });
  const literal = literalTokenizer(await AutoTokenizer.from_pretrained(id), id);
  return texts.map((t) => literal.open.length + literal.ids(prefix + t).length + literal.close.length);
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const out: string[] = [
  `BBC: ${articles.length} articles, ${passages.length} passages`,
  "",
  "| texts | tokenizer | real | generated | generated vs real |",
  "| --- | --- | --- | --- | --- |",
];
for (const [what, id, texts, prefix] of [
  ["passages (title. text), embedder", EMBEDDER_ID, passages, ""],
  ["passages, QA reader", QA_ID, qaPassages, ""],
  ["whole articles, summariser", SUMMARIZER_ID, articles, " "],
] as const) {
  const r = sum(await counts(real, id, [...texts], prefix));
  const g = sum(await counts(generated, id, [...texts], prefix));
  out.push(`| ${what} | ${id} | ${r.toLocaleString("en")} | ${g.toLocaleString("en")} | +${pct(g / r - 1)} |`);
  if (id === SUMMARIZER_ID) {
    const over = async (dir: string) => (await counts(dir, id, [...articles], " ")).filter((n) => n > 1024).length / articles.length;
    out.push("", `articles over BART's 1,024-token window: real ${pct(await over(real))}, generated ${pct(await over(generated))}`);
  }
}
const lengths = await counts(real, EMBEDDER_ID, passages);
const plans: [string, BatchLimits, number][] = [
  ["16 rows, per ~256-passage call (before)", { maxTokens: Infinity, maxRows: 16 }, 256],
  [
    `${DEFAULT_BATCH_LIMITS.maxTokens} tokens / ${DEFAULT_BATCH_LIMITS.maxRows} rows, whole set (now)`,
    DEFAULT_BATCH_LIMITS,
    lengths.length,
  ],
];
out.push("", "| embedder batch plan (real tokens, all BBC passages) | batches | padded tokens |", "| --- | --- | --- |");
for (const [name, limits, chunk] of plans) {
  const batches: number[][] = [];
  for (let i = 0; i < lengths.length; i += chunk)
    batches.push(...planBatches(lengths.slice(i, i + chunk), limits).map((b) => b.map((j) => j + i)));
  out.push(`| ${name} | ${batches.length} | ${pct(paddingShare(lengths, batches))} |`);
}
process.stdout.write(out.join("\n") + "\n");
await rm(generated, { recursive: true, force: true });
