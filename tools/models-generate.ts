// npm run models:generate -- --shape tiny|default --dtype fp32|q8 --out DIR [--seed N] [--with-summarizer] [--tokenizers DIR]
// Writes randomly initialised models with the published architectures, for tests and benchmarks;
// a BART summariser like Xenova/distilbart-cnn-6-6 too for tiny, or for default with --with-summarizer.
// --tokenizers DIR (e.g. ../shared/data/model-configs) puts the published tokenizer and config
// files beside the weights, which then get the real vocabulary sizes.
import { parseArgs } from "node:util";
import { UsageError } from "../src/errors.js";
import { generateModels, type GenerateOptions } from "./generate/write-models.js";

const USAGE =
  "usage: npm run models:generate -- --shape tiny|default --dtype fp32|q8 --out DIR [--seed N] [--with-summarizer] [--tokenizers DIR]";

function parse(argv: string[]): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      shape: { type: "string" },
      dtype: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      "with-summarizer": { type: "boolean" },
      tokenizers: { type: "string" },
    },
    strict: true,
  });
  const { shape = "tiny", dtype = "q8", out, seed = "42" } = values;
  if (shape !== "tiny" && shape !== "default") throw new UsageError(`--shape must be tiny or default, not "${shape}"\n${USAGE}`);
  if (dtype !== "fp32" && dtype !== "q8") throw new UsageError(`--dtype must be fp32 or q8, not "${dtype}"\n${USAGE}`);
  if (!out) throw new UsageError(`--out DIR is required\n${USAGE}`);
  if (!/^\d+$/.test(seed)) throw new UsageError(`--seed must be a non-negative integer, not "${seed}"\n${USAGE}`);
  return {
    shape,
    dtype,
    out,
    seed: Number(seed),
    ...(values["with-summarizer"] && { summarizer: true }),
    ...(values.tokenizers && { tokenizers: values.tokenizers }),
  };
}

async function main(): Promise<number> {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const started = Date.now();
  for (const model of await generateModels(options)) {
    const mb = (model.onnxBytes / 1e6).toFixed(1);
    const params = (model.parameters / 1e6).toFixed(2);
    process.stdout.write(`${model.modelId}: ${model.onnxFile} ${mb} MB, ${params}M weights\n`);
  }
  process.stderr.write(`generated ${options.shape} ${options.dtype} models in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

process.exitCode = await main();
