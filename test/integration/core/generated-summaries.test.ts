// GENERATED_SUMMARIES through the whole app on tiny generated models: on, `summarize` gives the
// model-written summary labelled "generated"; off (the default), the extractive one; a broken
// summary model falls back to the extractive summary with a warning in the log.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig, type Config } from "../../../src/config/index.js";
import { createLogger } from "../../../src/log.js";
import type { Newsdesk, Summary, SummaryResult } from "../../../src/types.js";
import { copyOfFixtureModels, fixtureModelsDir, SUMMARIZER_ID } from "../../helpers/fixture-models.js";

const ARTICLE = "haftar-visits-ghq";
let root: string;
let knowledgeDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-generated-summaries-"));
  knowledgeDir = path.join(root, "knowledge");
  await cp("knowledge", knowledgeDir, { recursive: true });
  await fixtureModelsDir();
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

function config(overrides: Partial<Record<keyof Config, string>>): Config {
  return loadConfig({ KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: path.join(root, "cache"), MODEL_DTYPE: "q8", ...overrides }, {});
}

async function summaryWith(overrides: Partial<Record<keyof Config, string>>): Promise<{ summary: Summary; warnings: string[] }> {
  const warnings: string[] = [];
  const logger = createLogger({ level: "warn", write: (line) => warnings.push(line) });
  const newsdesk: Newsdesk = await createNewsdesk(config(overrides), logger);
  try {
    const result: SummaryResult = await newsdesk.summarize(ARTICLE, { length: "short" });
    if (result.kind === "unknown-article") throw new Error(`unknown article ${ARTICLE}`);
    return { summary: result, warnings };
  } finally {
    await newsdesk.close();
  }
}

describe("generated summaries in the app", () => {
  it("are off by default: the summary is extractive", async () => {
    expect(config({}).GENERATED_SUMMARIES).toBe(false);
    const { summary } = await summaryWith({ LOCAL_MODELS_DIR: await fixtureModelsDir() });
    expect(summary.mode).toBe("model");
    expect(summary.generated).toBeUndefined();
  });

  it("when on, come from the summary model, labelled generated", async () => {
    const { summary, warnings } = await summaryWith({ LOCAL_MODELS_DIR: await fixtureModelsDir(), GENERATED_SUMMARIES: "true" });
    expect(summary.mode).toBe("generated");
    expect(summary.generated!.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });

  it("fall back to the extractive summary, with a warning, when the summary model is missing", async () => {
    const broken = await copyOfFixtureModels();
    await rm(path.join(broken, ...SUMMARIZER_ID.split("/"), "onnx", "encoder_model_quantized.onnx"));
    const { summary, warnings } = await summaryWith({ LOCAL_MODELS_DIR: broken, GENERATED_SUMMARIES: "true" });
    await rm(broken, { recursive: true, force: true });
    expect(summary.mode).toBe("model");
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(warnings.join("\n")).toMatch(/Generated summary failed.*encoder_model_quantized\.onnx/s);
  });

  it("are not attempted in lexical mode", async () => {
    const { summary, warnings } = await summaryWith({ ANSWER_MODE: "lexical", GENERATED_SUMMARIES: "true" });
    expect(summary.mode).toBe("lexical");
    expect(warnings).toEqual([]);
  });
});
