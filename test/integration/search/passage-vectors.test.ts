import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repairText } from "../../../src/knowledge/repair/index.js";
import { silentLogger } from "../../../src/log.js";
import { retrieve } from "../../../src/retrieval/retrieve.js";
import { startEmbedding } from "../../../src/search/background-embedding.js";
import { openKnowledgeIndex, type KnowledgeIndex } from "../../../src/search/knowledge-index.js";
import { embedMissing, loadVectors } from "../../../src/search/passage-vectors.js";
import { searchWords as words } from "../../../src/text/index.js";
import type { Embedder } from "../../../src/types.js";

// A deterministic bag-of-words embedder: these tests are about storage, batching and resuming,
// not about what the vectors mean (the real model runs in test/integration/core/ask-model-mode).
function wordsEmbedder(options: { failAfter?: number; gate?: Promise<void> } = {}): Embedder & { calls: number; texts: number } {
  const dimension = 32;
  const self = {
    modelId: "test/bag-of-words",
    dimension,
    calls: 0,
    texts: 0,
    async embed(texts: string[]) {
      if (options.failAfter !== undefined && self.calls >= options.failAfter) throw new Error("killed while embedding");
      await options.gate;
      self.calls++;
      self.texts += texts.length;
      return texts.map((t) => {
        const v = new Float32Array(dimension);
        for (const w of words(t)) v[[...w].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % dimension, 7)]! += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
  return self;
}

let root: string;
let knowledge: KnowledgeIndex;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-vectors-"));
  const knowledgeDir = path.join(root, "knowledge");
  await cp("knowledge", knowledgeDir, { recursive: true });
  for (let i = 0; i < 12; i++) {
    await writeFile(
      path.join(knowledgeDir, `report-${i}.txt`),
      `Report ${i}\n\nThe harbour ${i} reopened after repairs.\n\nShips ${i} sailed again.\n`,
    );
  }
  knowledge = await openKnowledgeIndex({ knowledgeDir, cacheDir: path.join(root, "cache"), repair: repairText, logger: silentLogger });
  await knowledge.refresh();
});

afterEach(async () => {
  knowledge.close();
  await rm(root, { recursive: true, force: true });
});

const vectorRows = () => (knowledge.db.prepare("SELECT count(*) AS n FROM vectors").get() as { n: number }).n;

describe("passage vectors in the database", () => {
  it("stores int8 vectors, one per passage, and loads them back", async () => {
    const embedder = wordsEmbedder();
    const vectors = loadVectors(knowledge.db, embedder.modelId, embedder.dimension, silentLogger);
    await embedMissing(knowledge.db, knowledge.search, vectors, embedder, { batch: 8 });
    const passages = knowledge.search.counts().passages;
    expect(vectors.count).toBe(passages);
    expect(vectorRows()).toBe(passages);
    const blob = knowledge.db.prepare("SELECT data FROM vectors LIMIT 1").get() as { data: Buffer };
    expect(blob.data.length).toBe(embedder.dimension);
    const again = loadVectors(knowledge.db, embedder.modelId, embedder.dimension, silentLogger);
    const [query] = await embedder.embed(["harbour 3 reopened"], "query");
    expect(again.search(query!, 3)).toEqual(vectors.search(query!, 3));
  });

  it("keeps every committed batch of a killed embedding run and embeds only the rest next time", async () => {
    const passages = knowledge.search.counts().passages;
    const failing = wordsEmbedder({ failAfter: 2 });
    const first = loadVectors(knowledge.db, failing.modelId, failing.dimension, silentLogger);
    await expect(embedMissing(knowledge.db, knowledge.search, first, failing, { batch: 5 })).rejects.toThrow("killed");
    expect(vectorRows()).toBe(10);
    const resumed = wordsEmbedder();
    const vectors = loadVectors(knowledge.db, resumed.modelId, resumed.dimension, silentLogger);
    expect(vectors.count).toBe(10);
    await embedMissing(knowledge.db, knowledge.search, vectors, resumed, { batch: 5 });
    expect(resumed.texts).toBe(passages - 10);
    expect(vectorRows()).toBe(passages);
  });

  it("drops the vectors of another embedding model", async () => {
    const embedder = wordsEmbedder();
    await embedMissing(knowledge.db, knowledge.search, loadVectors(knowledge.db, embedder.modelId, 32, silentLogger), embedder);
    const other = loadVectors(knowledge.db, "test/another-model", 32, silentLogger);
    expect(other.count).toBe(0);
    expect(vectorRows()).toBe(0);
  });

  it("answers lexically while the embedding runs in the background, then fuses dense search", async () => {
    let release!: () => void;
    const embedder = wordsEmbedder({ gate: new Promise<void>((r) => (release = r)) });
    const embedding = startEmbedding(knowledge, embedder, silentLogger);
    const [query] = await wordsEmbedder().embed(["When did harbour 7 reopen?"], "query");
    const during = retrieve(knowledge.search, "When did harbour 7 reopen?", { k: 3, queryVector: query, dense: embedding.vectors });
    expect(embedding.vectors.count).toBe(0);
    expect(during[0]!.passage.articleId).toBe("report-7");
    release();
    await embedding.idle();
    expect(embedding.vectors.count).toBe(knowledge.search.counts().passages);
    const after = retrieve(knowledge.search, "When did harbour 7 reopen?", { k: 3, queryVector: query, dense: embedding.vectors });
    expect(after[0]!.passage.articleId).toBe("report-7");
    await embedding.stop();
  });

  it("tells how far a run has got while it goes (for /status), and nothing once it is done", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const words = wordsEmbedder();
    // The first batch goes through; the second waits until released.
    const embedder: Embedder = {
      ...words,
      embed: async (texts, kind) => (words.calls >= 1 ? (await gate, words.embed(texts, kind)) : words.embed(texts, kind)),
    };
    const embedding = startEmbedding(knowledge, embedder, silentLogger, { batch: 8 });
    const passages = knowledge.search.counts().passages;
    expect(embedding.progress()).toBeNull(); // before the first batch is stored
    await expect.poll(() => embedding.progress()).toMatchObject({ done: 8, total: passages });
    expect(embedding.progress()!.etaMs).toBeGreaterThanOrEqual(0);
    release();
    await embedding.idle();
    expect(embedding.progress()).toBeNull();
    await embedding.stop();
  });

  it("stops without waiting for the batch in hand, and a later run embeds it", async () => {
    const words = wordsEmbedder();
    // Never finishes a call unless stopped (a long batch of a real model on a busy machine).
    let calls = 0;
    const stuck: Embedder = {
      ...words,
      embed: (_texts, _kind, options) => {
        calls++;
        return new Promise((_, reject) => options?.signal?.addEventListener("abort", () => reject(options.signal!.reason as Error)));
      },
    };
    const embedding = startEmbedding(knowledge, stuck, silentLogger, { batch: 8 });
    await expect.poll(() => calls).toBe(1);
    await embedding.stop();
    expect(vectorRows()).toBe(0);
    const again = startEmbedding(knowledge, words, silentLogger, { batch: 8 });
    await again.idle();
    expect(vectorRows()).toBe(knowledge.search.counts().passages);
    await again.stop();
  });

  it("embeds the passages of an article added by a refresh, and forgets removed ones", async () => {
    const embedder = wordsEmbedder();
    const embedding = startEmbedding(knowledge, embedder, silentLogger);
    await embedding.idle();
    const before = embedder.texts;
    await writeFile(path.join(root, "knowledge", "late.txt"), "Late news\n\nA late ferry docked tonight.\n");
    await rm(path.join(root, "knowledge", "report-0.txt"));
    await knowledge.refresh();
    embedding.wake();
    await embedding.idle();
    expect(embedder.texts - before).toBe(1);
    expect(vectorRows()).toBe(knowledge.search.counts().passages);
  });
});
