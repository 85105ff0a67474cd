// The generated ONNX graphs and tokenizers, run through ONNX Runtime and transformers.js directly.
import { readFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AutoTokenizer } from "@huggingface/transformers";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { generateModels } from "../../../tools/generate/write-models.js";
import { useModelSource } from "../../../src/models/transformers-env.js";
import { EMBEDDER_ID, fixtureModelsDir, QA_ID } from "../../helpers/fixture-models.js";

let dir: string;
beforeAll(async () => {
  dir = await fixtureModelsDir();
});

const onnxPath = (id: string, file: string) => path.join(dir, ...id.split("/"), "onnx", file);

function ids(rows: number[][]): ort.Tensor {
  const width = rows[0]!.length;
  return new ort.Tensor("int64", BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, width]);
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

describe("generated tokenizers", () => {
  it("load in transformers.js and split news text into sensible WordPiece tokens", async () => {
    useModelSource({ kind: "local", dir });
    const uncased = await AutoTokenizer.from_pretrained(EMBEDDER_ID);
    const cased = await AutoTokenizer.from_pretrained(QA_ID);
    const text = "The man's résumé, filed in 2024, said prices rose.";
    expect(uncased.tokenize(text).slice(0, 3)).toEqual(["the", "man", "'"]);
    expect(uncased.tokenize(text)).toContain("2024");
    expect(uncased.tokenize(text).join(" ")).toContain("re");
    expect(cased.tokenize(text).slice(0, 2)).toEqual(["The", "man"]);
    expect(cased.encode("the news")).toEqual([101, cased.convert_tokens_to_ids("the"), cased.convert_tokens_to_ids("news"), 102]);
  });
});

describe("generated ONNX graphs", () => {
  it.each(["model.onnx", "model_quantized.onnx"])("BERT %s runs with dynamic batch and sequence sizes", async (file) => {
    const session = await ort.InferenceSession.create(onnxPath(EMBEDDER_ID, file));
    expect(session.inputNames).toEqual(["input_ids", "attention_mask", "token_type_ids"]);
    expect(session.outputNames).toEqual(["last_hidden_state"]);
    for (const [batch, seq] of [
      [1, 5],
      [3, 17],
    ] as const) {
      const rows = Array.from({ length: batch }, () => Array.from({ length: seq }, (_, i) => 1000 + i));
      const out = await session.run({
        input_ids: ids(rows),
        attention_mask: ids(rows.map((r) => r.map(() => 1))),
        token_type_ids: ids(rows.map((r) => r.map(() => 0))),
      });
      expect(out.last_hidden_state!.dims).toEqual([batch, seq, 32]);
    }
    await session.release();
  });

  it.each(["model.onnx", "model_quantized.onnx"])("DistilBERT QA %s gives start and end logits per token", async (file) => {
    const session = await ort.InferenceSession.create(onnxPath(QA_ID, file));
    expect(session.inputNames).toEqual(["input_ids", "attention_mask"]);
    expect(session.outputNames).toEqual(["start_logits", "end_logits"]);
    const rows = [
      [101, 2000, 2001, 102, 3000, 3001, 102],
      [101, 2000, 2001, 102, 3000, 3001, 102],
    ];
    const out = await session.run({ input_ids: ids(rows), attention_mask: ids(rows.map((r) => r.map(() => 1))) });
    expect(out.start_logits!.dims).toEqual([2, 7]);
    expect(out.end_logits!.dims).toEqual([2, 7]);
    expect([...(out.start_logits!.data as Float32Array)].every(Number.isFinite)).toBe(true);
    await session.release();
  });

  it("ignores padded positions: a padded row equals the same row alone", async () => {
    const session = await ort.InferenceSession.create(onnxPath(EMBEDDER_ID, "model.onnx"));
    const row = [101, 1500, 1600, 1700, 102];
    const alone = await session.run({
      input_ids: ids([row]),
      attention_mask: ids([[1, 1, 1, 1, 1]]),
      token_type_ids: ids([[0, 0, 0, 0, 0]]),
    });
    const padded = await session.run({
      input_ids: ids([[...row, 0, 0]]),
      attention_mask: ids([[1, 1, 1, 1, 1, 0, 0]]),
      token_type_ids: ids([[0, 0, 0, 0, 0, 0, 0]]),
    });
    const a = alone.last_hidden_state!.data as Float32Array;
    const p = (padded.last_hidden_state!.data as Float32Array).slice(0, a.length);
    for (let i = 0; i < a.length; i++) expect(p[i]).toBeCloseTo(a[i]!, 4);
    await session.release();
  });

  it("q8 outputs track fp32 outputs of the same seed", async () => {
    const rows = [[101, 1200, 1300, 1400, 1500, 102]];
    const feed = { input_ids: ids(rows), attention_mask: ids([[1, 1, 1, 1, 1, 1]]), token_type_ids: ids([[0, 0, 0, 0, 0, 0]]) };
    const run = async (file: string) => {
      const session = await ort.InferenceSession.create(onnxPath(EMBEDDER_ID, file));
      const out = (await session.run(feed)).last_hidden_state!.data as Float32Array;
      await session.release();
      return out;
    };
    expect(cosine(await run("model.onnx"), await run("model_quantized.onnx"))).toBeGreaterThan(0.98);
  });

  it("generates byte-identical models for a seed and different ones for another seed", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "newsdesk-seed-"));
    const [a] = await generateModels({ shape: "tiny", dtype: "q8", out: path.join(out, "a"), seed: 11 });
    const [b] = await generateModels({ shape: "tiny", dtype: "q8", out: path.join(out, "b"), seed: 11 });
    const [c] = await generateModels({ shape: "tiny", dtype: "q8", out: path.join(out, "c"), seed: 12 });
    const bytes = async (f: string) => readFile(f);
    expect((await bytes(a!.onnxFile)).equals(await bytes(b!.onnxFile))).toBe(true);
    expect((await bytes(a!.onnxFile)).equals(await bytes(c!.onnxFile))).toBe(false);
  });
});
