import { cp, mkdtemp, readdir, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsdesk } from "../../../src/app.js";
import { loadConfig } from "../../../src/config/index.js";
import { indexFolder } from "../../../src/search/knowledge-index.js";
import { silentLogger } from "../../../src/log.js";
import type { Newsdesk } from "../../../src/types.js";
import { copyOfFixtureModels, fixtureModelsDir } from "../../helpers/fixture-models.js";

// The whole app in model mode on tiny generated models: real transformers.js embedding and QA
// inference behind `ask`. Random weights say nothing about quality; these tests check the path.

let root: string;
let knowledgeDir: string;
let cacheDir: string;
let newsdesk: Newsdesk;

const config = (models: string) =>
  loadConfig({ KNOWLEDGE_DIR: knowledgeDir, CACHE_DIR: cacheDir, LOCAL_MODELS_DIR: models, MODEL_DTYPE: "q8" }, {});

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-model-mode-"));
  knowledgeDir = path.join(root, "knowledge");
  cacheDir = path.join(root, "cache");
  await cp("knowledge", knowledgeDir, { recursive: true });
  await writeFile(path.join(knowledgeDir, "storm.txt"), "Storm hits coast\n\nA storm hit the northern coast on Monday.\n");
  // Random weights give low span probabilities: threshold 0 so every answer path is exercised.
  newsdesk = await createNewsdesk(config(await fixtureModelsDir()), silentLogger, { thresholds: { model: { answer: 0, relevant: 0 } } });
});

afterAll(async () => {
  await newsdesk.close();
  await rm(root, { recursive: true, force: true });
});

describe("ask in model mode", () => {
  it("reports model mode and the model ids", () => {
    expect(newsdesk.status()).toMatchObject({
      mode: "model",
      embedderModel: "Xenova/bge-small-en-v1.5",
      readerModel: "Xenova/distilbert-base-cased-distilled-squad",
    });
  });

  it.each([["who accompanied Haftar?"], ["When did the storm hit?"], ["What did both sides exchange?"]])(
    "answers %s with a span quoted exactly from its passage",
    async (question) => {
      const answer = await newsdesk.ask(question);
      expect(answer.mode).toBe("model");
      expect(answer.nearest.length).toBeGreaterThan(0);
      if (answer.kind !== "answer") throw new Error("expected an answer at threshold 0");
      const { quote, answerStart, answerEnd, passageId } = answer.citation;
      expect(quote.slice(answerStart, answerEnd)).toBe(answer.answer);
      expect(newsdesk.passage(passageId)!.text).toContain(quote);
      expect(answer.answer.trim()).toBe(answer.answer);
    },
  );

  it("caches passage vectors by model id and embeds only a new article on reindex", async () => {
    const files = await readdir(indexFolder(cacheDir, knowledgeDir));
    expect(files).toContain("index.sqlite");
    await writeFile(path.join(knowledgeDir, "late.md"), "---\ntitle: Late news\n---\nA late report arrived tonight.\n");
    const report = await newsdesk.reindex();
    expect(report).toMatchObject({ added: ["late"], changed: [], unchanged: 2 });
    expect(newsdesk.status().passages).toBe(report.passages);
  });
});

describe("the reply-kind thresholds in model mode", () => {
  // Random weights pick random spans: relevance 0 makes any span's sentence count as relevant.
  it("replies with the sentence, no span marked, when the sentence is relevant but no span is likely enough", async () => {
    const strict = await createNewsdesk(config(await fixtureModelsDir()), silentLogger, {
      thresholds: { model: { answer: 1.01, relevant: 0 } },
    });
    try {
      const answer = await strict.ask("who accompanied Haftar?");
      expect(answer).toMatchObject({ kind: "passage", mode: "model" });
      if (answer.kind !== "passage") return;
      expect(answer.answer).toBe(answer.citation.quote);
      expect(answer.citation).not.toHaveProperty("answerStart");
      expect(strict.passage(answer.citation.passageId)!.text).toContain(answer.answer);
    } finally {
      await strict.close();
    }
  });

  it("says not found, with the nearest passages, when no sentence says enough of the question", async () => {
    const strict = await createNewsdesk(config(await fixtureModelsDir()), silentLogger, {
      thresholds: { model: { answer: 1.01, relevant: 1.01 } },
    });
    try {
      const answer = await strict.ask("who accompanied Haftar?");
      expect(answer).toMatchObject({ kind: "not-found", mode: "model" });
      expect(answer.nearest[0]!.articleId).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});

describe("a broken model folder", () => {
  it("falls back to lexical mode and still answers", async () => {
    const broken = await copyOfFixtureModels();
    const onnx = path.join(broken, "Xenova/distilbert-base-cased-distilled-squad/onnx");
    for (const f of await readdir(onnx)) await truncate(path.join(onnx, f), 100);
    const fallback = await createNewsdesk(config(broken), silentLogger);
    try {
      expect(fallback.status().mode).toBe("lexical");
      const answer = await fallback.ask("who accompanied Haftar?");
      expect(answer.kind === "answer" && answer.answer).toBe("Deputy Commander-in-Chief Lieutenant General Saddam Khalifa Haftar");
    } finally {
      await fallback.close();
      await rm(broken, { recursive: true, force: true });
    }
  });
});
