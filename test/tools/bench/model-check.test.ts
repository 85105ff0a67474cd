import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareToPublished, countAttentionLayers } from "../../../tools/bench/model-check.js";
import { EMBEDDER_ID, fixtureModelsDir, QA_ID } from "../../helpers/fixture-models.js";

describe("model check", () => {
  it("counts the attention layers in a generated graph (the tiny fixture models have 2)", async () => {
    const dir = await fixtureModelsDir();
    for (const id of [EMBEDDER_ID, QA_ID]) {
      const bytes = await readFile(path.join(dir, ...id.split("/"), "onnx", "model_quantized.onnx"));
      expect(countAttentionLayers(bytes)).toBe(2);
    }
  });

  it("matches the published figures within 5% and the same layer count", () => {
    expect(compareToPublished(EMBEDDER_ID, "q8", 33_648_891, 12)).toMatchObject({ mb: 33.6, published_mb: 34, matches: true });
    expect(compareToPublished(QA_ID, "fp32", 260_795_676, 6).matches).toBe(true);
    expect(compareToPublished(QA_ID, "q8", 65_593_948, 5).matches).toBe(false);
    expect(compareToPublished(EMBEDDER_ID, "fp32", 100_000_000, 12).matches).toBe(false);
    expect(() => compareToPublished("someone/else", "q8", 1, 1)).toThrow(RangeError);
  });
});
