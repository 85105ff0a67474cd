// The model path with real inference: a tiny generated embedder (real tokenizer, ONNX Runtime,
// pooling; random weights, so only behaviour is checked, not quality).
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArticle } from "../../../src/knowledge/build-article.js";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { createEmbedder, type ModelEmbedder } from "../../../src/models/index.js";
import { summarizeArticle, summarizeTopic } from "../../../src/summarize/index.js";
import type { Article, ScoredPassage } from "../../../src/types.js";
import { EMBEDDER_ID, fixtureModelsDir } from "../../helpers/fixture-models.js";

let embedder: ModelEmbedder;
let article: Article;
beforeAll(async () => {
  embedder = await createEmbedder({ modelId: EMBEDDER_ID, dtype: "q8", source: { kind: "local", dir: await fixtureModelsDir() } });
  const bytes = await readFile(new URL("../../../knowledge/haftar-visits-ghq.md", import.meta.url));
  article = buildArticle("haftar-visits-ghq.md", bytes, (b) => repairText(b));
}, 60_000);
afterAll(() => embedder.dispose());

describe("summaries in model mode (tiny generated embedder)", () => {
  it("summarises an article from embedding similarity, verbatim and in article order", async () => {
    const summary = await summarizeArticle(article, { length: "medium" }, embedder);
    expect(summary.mode).toBe("model");
    expect(summary.sentences).toHaveLength(5);
    const at = summary.sentences.map((s) => article.text.indexOf(s.text));
    for (const p of at) expect(p).toBeGreaterThanOrEqual(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("gives the same summary for the same article", async () => {
    const a = await summarizeArticle(article, { sentences: 4 }, embedder);
    const b = await summarizeArticle(article, { sentences: 4 }, embedder);
    expect(b).toEqual(a);
  });

  it("builds a topic digest over passages with the embedder", async () => {
    const hits: ScoredPassage[] = article.paragraphs.slice(0, 3).map((p, i) => ({
      score: 1 - i / 10,
      passage: {
        id: `${article.id}#p${p.number}`,
        articleId: article.id,
        title: article.title,
        paragraph: p.number,
        start: p.start,
        end: p.end,
        text: article.text.slice(p.start, p.end),
      },
    }));
    const digest = await summarizeTopic("defence cooperation", hits, new Map([[article.id, article]]), { sentences: 3 }, embedder);
    expect(digest).toMatchObject({ articleId: null, mode: "model" });
    expect(digest.sentences).toHaveLength(3);
    for (const s of digest.sentences) expect(s.paragraph).toBeLessThanOrEqual(3);
  });
});
