// The generated BART summariser in the layout transformers.js expects: a byte-level BPE tokenizer
// that round-trips any text, and two ONNX graphs with Optimum's input and output names.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AutoTokenizer, env } from "@huggingface/transformers";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBpeVocab, BART_SPECIAL_IDS } from "../../../tools/generate/bpe-vocab.js";
import { useModelSource } from "../../../src/models/transformers-env.js";
import { fixtureModelsDir, SUMMARIZER_ID } from "../../helpers/fixture-models.js";

let dir: string;
beforeAll(async () => {
  dir = path.join(await fixtureModelsDir(), ...SUMMARIZER_ID.split("/"));
  useModelSource({ kind: "local", dir: await fixtureModelsDir() });
}, 60_000);

describe("the generated BPE vocabulary", () => {
  it("has exactly the requested size, BART's special ids, and merges made of known tokens", () => {
    const { vocab, merges } = buildBpeVocab(600);
    expect(vocab.size).toBe(600);
    expect([vocab.get("<s>"), vocab.get("<pad>"), vocab.get("</s>"), vocab.get("<unk>")]).toEqual(Object.values(BART_SPECIAL_IDS));
    expect(vocab.get("<mask>")).toBe(599);
    for (const merge of merges) {
      const [left, right] = merge.split(" ");
      expect(vocab.has(left!) && vocab.has(right!) && vocab.has(left! + right!)).toBe(true);
    }
  });
});

describe("the generated summariser files", () => {
  it("tokenize with <s> … </s> around the text and decode back to the same text", async () => {
    expect(env.localModelPath).toBeTruthy();
    const tokenizer = await AutoTokenizer.from_pretrained(SUMMARIZER_ID);
    const text = "Café owners in Zürich said the 2025 strike—over pay—cost £3m.";
    const ids = tokenizer.encode(text);
    expect(ids[0]).toBe(BART_SPECIAL_IDS.bos);
    expect(ids.at(-1)).toBe(BART_SPECIAL_IDS.eos);
    expect(ids).not.toContain(BART_SPECIAL_IDS.unk);
    // Merges make common words single tokens.
    expect(ids.length).toBeLessThan(new TextEncoder().encode(text).length);
    expect(tokenizer.decode(ids, { skip_special_tokens: true })).toBe(text);
  });

  it("declare a BART encoder-decoder that decodes from </s>", async () => {
    const config = JSON.parse(await readFile(path.join(dir, "config.json"), "utf8"));
    expect(config).toMatchObject({
      model_type: "bart",
      is_encoder_decoder: true,
      decoder_start_token_id: 2,
      eos_token_id: 2,
      pad_token_id: 1,
      forced_bos_token_id: 0,
    });
    const generation = JSON.parse(await readFile(path.join(dir, "generation_config.json"), "utf8"));
    expect(generation).toMatchObject({ decoder_start_token_id: 2, eos_token_id: 2 });
  });

  it.each(["encoder_model.onnx", "decoder_model_merged_quantized.onnx"])("%s has Optimum's input and output names", async (file) => {
    const session = await ort.InferenceSession.create(path.join(dir, "onnx", file));
    const layers = [0, 1].flatMap((i) => ["decoder.key", "decoder.value", "encoder.key", "encoder.value"].map((k) => `${i}.${k}`));
    if (file.startsWith("encoder")) {
      expect([session.inputNames, session.outputNames]).toEqual([["input_ids", "attention_mask"], ["last_hidden_state"]]);
    } else {
      expect(session.inputNames).toEqual([
        "input_ids",
        "encoder_attention_mask",
        "encoder_hidden_states",
        ...layers.map((l) => `past_key_values.${l}`),
        "use_cache_branch",
      ]);
      expect(session.outputNames).toEqual(["logits", ...layers.map((l) => `present.${l}`)]);
    }
    await session.release();
  });

  it("decodes the same with the key/value cache, one token a step, as over the whole sequence at once", async () => {
    const session = (file: string) => ort.InferenceSession.create(path.join(dir, "onnx", file));
    const [encoder, decoder] = await Promise.all([session("encoder_model.onnx"), session("decoder_model_merged.onnx")]);
    const int64 = (values: number[]) => new ort.Tensor("int64", BigInt64Array.from(values.map(BigInt)), [1, values.length]);
    const source = [0, 300, 301, 302, 303, 2];
    const mask = int64(source.map(() => 1));
    const { last_hidden_state: hidden } = await encoder.run({ input_ids: int64(source), attention_mask: mask });
    const emptyCache = (): Record<string, ort.Tensor> =>
      Object.fromEntries(
        decoder.inputNames
          .filter((n) => n.startsWith("past_"))
          .map((n) => [n, new ort.Tensor("float32", new Float32Array(0), [1, 2, 0, 16])]),
      );
    const run = (ids: number[], cache: Record<string, ort.Tensor>, useCache: boolean) =>
      decoder.run({
        input_ids: int64(ids),
        encoder_attention_mask: mask,
        encoder_hidden_states: hidden!,
        use_cache_branch: new ort.Tensor("bool", [useCache], [1]),
        ...cache,
      });

    const target = [2, 0, 500, 501];
    const whole = await run(target, emptyCache(), false);
    const vocab = whole.logits!.dims[2]!;
    let cache = emptyCache();
    for (let step = 0; step < target.length; step++) {
      const out = await run([target[step]!], cache, step > 0);
      const expected = (whole.logits!.data as Float32Array).subarray(step * vocab, (step + 1) * vocab);
      const got = out.logits!.data as Float32Array;
      for (let i = 0; i < vocab; i += 97) expect(got[i]).toBeCloseTo(expected[i]!, 4);
      cache = Object.fromEntries(
        Object.entries(out)
          .filter(([n]) => n.startsWith("present."))
          .map(([n, t]) => [n.replace("present.", "past_key_values."), t]),
      );
    }
    await Promise.all([encoder.release(), decoder.release()]);
  });
});
