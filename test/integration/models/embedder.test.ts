// The model-backed Embedder on tiny generated models: real tokenizer, ONNX Runtime, pooling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder, type ModelEmbedder } from "../../../src/models/index.js";
import { EMBEDDER_ID, fixtureModelsDir } from "../../helpers/fixture-models.js";

const norm = (v: Float32Array) => Math.hypot(...v);

function expectClose(a: Float32Array, b: Float32Array, digits = 5): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, digits);
}

let embedder: ModelEmbedder;
beforeAll(async () => {
  embedder = await createEmbedder({
    modelId: EMBEDDER_ID,
    dtype: "q8",
    source: { kind: "local", dir: await fixtureModelsDir() },
    batch: { maxRows: 2 },
  });
});
afterAll(() => embedder.dispose());

const texts = [
  "The council approved the budget on Tuesday.",
  "Prices rose by 3.5% in March, the fastest pace in a year.",
  "Résumé",
  "A much longer sentence about the weather, the trains and the people who wait for them every morning.",
  "",
];

describe("model embedder", () => {
  it("reports the model's id and dimension", () => {
    expect(embedder.modelId).toBe(EMBEDDER_ID);
    expect(embedder.dimension).toBe(32);
  });

  it("returns one unit-length vector per text, in order", async () => {
    const vectors = await embedder.embed(texts, "passage");
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(32);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(vectors[0]).not.toEqual(vectors[1]);
  });

  it("stops at the next model call once its signal is aborted (a bot stopping does not wait for the rest)", async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    const call = embedder.embed(texts, "passage", {
      signal: stop.signal,
      onProgress: (done) => {
        seen.push(done);
        stop.abort(new Error("stopping"));
      },
    });
    await expect(call).rejects.toThrow("stopping");
    expect(seen).toEqual([2]); // one model call of two rows, then no more
  });

  it("is deterministic, and a batch gives the same vectors as texts one at a time", async () => {
    const batch = await embedder.embed(texts, "passage");
    expect(await embedder.embed(texts, "passage")).toEqual(batch);
    // q8 quantises activations per batch (scale over the whole padded tensor), so only close.
    for (let i = 0; i < texts.length; i++) expectClose((await embedder.embed([texts[i]!], "passage"))[0]!, batch[i]!, 3);
    const fp32 = await createEmbedder({
      modelId: EMBEDDER_ID,
      dtype: "fp32",
      source: { kind: "local", dir: await fixtureModelsDir() },
      batch: { maxRows: 8 },
    });
    const fpBatch = await fp32.embed(texts, "passage");
    for (let i = 0; i < texts.length; i++) expectClose((await fp32.embed([texts[i]!], "passage"))[0]!, fpBatch[i]!, 5);
    await fp32.dispose();
  });

  it("prefixes queries with the bge instruction, so a query differs from the same text as a passage", async () => {
    const [asQuery] = await embedder.embed(["budget vote"], "query");
    const [asPassage] = await embedder.embed(["budget vote"], "passage");
    const [prefixed] = await embedder.embed(["Represent this sentence for searching relevant passages: budget vote"], "passage");
    expect(asQuery).not.toEqual(asPassage);
    expectClose(asQuery!, prefixed!);
  });

  it("truncates texts longer than the model's 512 positions instead of failing", async () => {
    const long = "word ".repeat(2000);
    const [v] = await embedder.embed([long], "passage");
    expect(norm(v!)).toBeCloseTo(1, 5);
  });

  it("handles an empty list", async () => {
    expect(await embedder.embed([], "query")).toEqual([]);
  });

  it("mean pooling (MiniLM-style models) gives different vectors than CLS pooling", async () => {
    const mean = await createEmbedder({
      modelId: EMBEDDER_ID,
      dtype: "fp32",
      source: { kind: "local", dir: await fixtureModelsDir() },
      recipe: { pooling: "mean" },
    });
    const cls = await createEmbedder({ modelId: EMBEDDER_ID, dtype: "fp32", source: { kind: "local", dir: await fixtureModelsDir() } });
    const [a] = await mean.embed([texts[0]!], "passage");
    const [b] = await cls.embed([texts[0]!], "passage");
    expect(norm(a!)).toBeCloseTo(1, 5);
    expect(a).not.toEqual(b);
    await Promise.all([mean.dispose(), cls.dispose()]);
  });
});
