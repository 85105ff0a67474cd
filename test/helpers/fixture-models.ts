// Tiny generated models (fp32 and q8) for tests that run real inference. Generated once into the
// system temp folder, keyed by a hash of the generator's source, so every test file and every
// run after the first reuses them; a changed generator gets a fresh folder.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelSettings } from "../../src/models/index.js";
import { generateModels } from "../../tools/generate/write-models.js";
import { EMBEDDER_ID, QA_ID, SUMMARIZER_ID } from "../../tools/generate/shapes.js";
import { requireSharedData } from "./shared-data.js";

export { EMBEDDER_ID, QA_ID, SUMMARIZER_ID };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GENERATOR_DIRS = ["tools/generate"];
export const FIXTURE_SEED = 7;

async function generatorHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of GENERATOR_DIRS) {
    const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
    for (const file of entries
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort()) {
      hash.update(path.relative(ROOT, file)).update(await readFile(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

let pending: Promise<string> | undefined;

/** A folder in the Hugging Face layout holding tiny embedder, QA and summariser models, at fp32 and q8. */
export function fixtureModelsDir(): Promise<string> {
  pending ??= (async () => {
    const dir = path.join(os.tmpdir(), `newsdesk-fixture-models-${await generatorHash()}-${FIXTURE_SEED}`);
    if (existsSync(dir)) return dir;
    const staging = await mkdtemp(path.join(os.tmpdir(), "newsdesk-fixture-staging-"));
    await generateModels({ shape: "tiny", dtype: "fp32", out: staging, seed: FIXTURE_SEED });
    await generateModels({ shape: "tiny", dtype: "q8", out: staging, seed: FIXTURE_SEED });
    // Another worker may have finished first; either copy is complete and identical.
    await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
    return dir;
  })();
  return pending;
}

let pendingReal: Promise<string> | undefined;

/**
 * Tiny-width q8 models carrying the published tokenizer and config files of the three defaults
 * (../shared/data/model-configs) and real vocabulary sizes: what a real host loads, bar the weights.
 */
export function realTokenizerModelsDir(): Promise<string> {
  pendingReal ??= (async () => {
    const tokenizers = requireSharedData("model-configs");
    const dir = path.join(os.tmpdir(), `newsdesk-fixture-real-tokenizers-${await generatorHash()}-${FIXTURE_SEED}`);
    if (existsSync(dir)) return dir;
    const staging = await mkdtemp(path.join(os.tmpdir(), "newsdesk-fixture-staging-"));
    await generateModels({ shape: "tiny", dtype: "q8", out: staging, seed: FIXTURE_SEED, tokenizers });
    await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
    return dir;
  })();
  return pendingReal;
}

/** A private copy of the fixture models that a test may break (delete or truncate files). */
export async function copyOfFixtureModels(): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), "newsdesk-models-copy-"));
  await cp(await fixtureModelsDir(), copy, { recursive: true });
  return copy;
}

/** Model settings as the config would give them, pointing at a local folder. */
export function modelSettings(overrides: Partial<ModelSettings> = {}): ModelSettings {
  return {
    ANSWER_MODE: "auto",
    EMBEDDING_MODEL: EMBEDDER_ID,
    QA_MODEL: QA_ID,
    MODEL_DTYPE: "q8",
    LOCAL_MODELS_DIR: undefined,
    CACHE_DIR: path.join(os.tmpdir(), "newsdesk-no-cache"),
    MODEL_NETWORK_TIMEOUT_MS: 3000,
    MODEL_HUB_URL: "https://huggingface.co",
    ...overrides,
  };
}
