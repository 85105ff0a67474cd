// Models of the defaults' exact shapes with seeded random weights, generated once into
// <cacheDir>/bench-models/<dtype> (outside git) and reused on every later run. Given the folder of
// the published tokenizer files (../shared/data/model-configs), they carry the real tokenizers
// (<dtype>-real-tokenizers), so the bench measures real token counts.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { hasModelFiles } from "../../src/models/index.js";
import { EMBEDDER_ID, QA_ID } from "../generate/shapes.js";
import { generateModels } from "../generate/write-models.js";

export type BenchDtype = "fp32" | "q8";

export function benchModelsDir(cacheDir: string, dtype: BenchDtype, realTokenizers = false): string {
  return path.resolve(cacheDir, "bench-models", realTokenizers ? `${dtype}-real-tokenizers` : dtype);
}

export async function ensureBenchModels(
  cacheDir: string,
  dtype: BenchDtype,
  log: (line: string) => void,
  tokenizers?: string,
): Promise<string> {
  const dir = benchModelsDir(cacheDir, dtype, tokenizers !== undefined);
  const present = await Promise.all([EMBEDDER_ID, QA_ID].map((id) => hasModelFiles(dir, id, dtype)));
  if (present.every(Boolean)) return dir;
  log(`generating default-shape ${dtype} models into ${dir} (first run only)${tokenizers ? `, tokenizers from ${tokenizers}` : ""}`);
  await mkdir(path.dirname(dir), { recursive: true });
  // Staged then renamed, so an interrupted run never leaves a half-written folder behind.
  const staging = await mkdtemp(`${dir}.staging-`);
  await generateModels({ shape: "default", dtype, out: staging, seed: 42, ...(tokenizers && { tokenizers }) });
  if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  return dir;
}
