// The summarisation model path with real inference: transformers.js's summarization pipeline on
// the tiny generated BART (byte-level BPE tokenizer, encoder + cached decoder in ONNX Runtime).
// Random weights write nonsense, so these tests check the path and the labelling, not the words.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelError } from "../../../src/errors.js";
import { buildArticle } from "../../../src/knowledge/build-article.js";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { createSummarizer, type ModelSummarizer } from "../../../src/models/index.js";
import { summarizeGenerated } from "../../../src/summarize/index.js";
import type { Article } from "../../../src/types.js";
import { copyOfFixtureModels, fixtureModelsDir, SUMMARIZER_ID } from "../../helpers/fixture-models.js";

const TEXT = "A storm hit the northern coast on Monday. Thousands of homes lost power, and the government sent help.";

let summarizer: ModelSummarizer;
let article: Article;
beforeAll(async () => {
  summarizer = await createSummarizer({ modelId: SUMMARIZER_ID, dtype: "q8", source: { kind: "local", dir: await fixtureModelsDir() } });
  const bytes = await readFile(new URL("../../../knowledge/haftar-visits-ghq.md", import.meta.url));
  article = buildArticle("haftar-visits-ghq.md", bytes, (b) => repairText(b));
}, 60_000);
afterAll(() => summarizer.dispose());

describe("the summarisation model (tiny generated BART)", () => {
  it.each(["q8", "fp32"] as const)("loads at %s through the summarization pipeline and writes text", async (dtype) => {
    const model = await createSummarizer({ modelId: SUMMARIZER_ID, dtype, source: { kind: "local", dir: await fixtureModelsDir() } });
    const text = await model.summarize(TEXT, { maxWords: 20 });
    expect(model.modelId).toBe(SUMMARIZER_ID);
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(text.trim());
    await model.dispose();
  });

  it("writes longer for a bigger word budget, and the same text for the same input", async () => {
    const short = await summarizer.summarize(TEXT, { maxWords: 8 });
    const long = await summarizer.summarize(TEXT, { maxWords: 60 });
    expect(long.length).toBeGreaterThan(short.length);
    expect(await summarizer.summarize(TEXT, { maxWords: 8 })).toBe(short);
  });

  it("gives nothing for empty input without running the model", async () => {
    expect(await summarizer.summarize("  ", { maxWords: 20 })).toBe("");
  });

  it("labels a summary of a real article as generated and cites only verbatim article sentences", async () => {
    for (const length of ["short", "medium", "long"] as const) {
      const summary = await summarizeGenerated(article, { length }, summarizer);
      expect(summary).toMatchObject({ articleId: article.id, title: article.title, mode: "generated" });
      expect(summary.generated!.length).toBeGreaterThan(0);
      expect(article.text).not.toContain(summary.generated);
      for (const s of summary.sentences) expectVerbatim(article, s);
    }
  });

  it("cites the article sentence that shares the generated words", async () => {
    // Random weights write much the same nonsense whatever they read, so an article given a
    // sentence made of those words must have that sentence cited.
    const first = await summarizeGenerated(article, { length: "short" }, summarizer);
    const echoed = `Reporters heard ${[...new Set(first.generated!.match(/\p{L}{3,}/gu))].slice(0, 12).join(" ")} there.`;
    const bytes = await readFile(new URL("../../../knowledge/haftar-visits-ghq.md", import.meta.url));
    const withEcho = buildArticle("haftar-visits-ghq.md", Buffer.concat([bytes, Buffer.from(`\n${echoed}\n`)]), (b) => b);
    const summary = await summarizeGenerated(withEcho, { length: "short" }, summarizer);
    expect(summary.sentences.map((s) => s.text)).toContain(echoed);
    for (const s of summary.sentences) expectVerbatim(withEcho, s);
  });
});

function expectVerbatim(source: Article, s: { text: string; articleId: string; paragraph: number }): void {
  expect(s.articleId).toBe(source.id);
  const paragraph = source.paragraphs.find((p) => p.number === s.paragraph)!;
  expect(source.text.slice(paragraph.start, paragraph.end)).toContain(s.text);
}

describe("a broken summarisation model", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copyOfFixtureModels();
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const onnx = (file: string) => path.join(dir, ...SUMMARIZER_ID.split("/"), "onnx", file);

  it("is a ModelError naming a missing decoder file", async () => {
    await rm(onnx("decoder_model_merged_quantized.onnx"));
    const load = createSummarizer({ modelId: SUMMARIZER_ID, dtype: "q8", source: { kind: "local", dir } });
    await expect(load).rejects.toThrow(ModelError);
    await expect(load).rejects.toThrow(/decoder_model_merged_quantized\.onnx/);
  });

  it("is a ModelError for a corrupt encoder file", async () => {
    await writeFile(onnx("encoder_model.onnx"), "not an onnx graph");
    await expect(createSummarizer({ modelId: SUMMARIZER_ID, dtype: "fp32", source: { kind: "local", dir } })).rejects.toThrow(ModelError);
  });
});
