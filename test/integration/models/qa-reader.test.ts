// The model-backed Reader on tiny generated QA models: real tokenizer and ONNX Runtime; spans
// must be character-exact slices of the passage text whatever the weights are.
import { AutoTokenizer } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQaReader, type QaReader } from "../../../src/models/index.js";
import { literalTokenizer } from "../../../src/models/literal-tokenizer.js";
import { useModelSource } from "../../../src/models/transformers-env.js";
import type { Passage, ScoredPassage } from "../../../src/types.js";
import { fixtureModelsDir, QA_ID } from "../../helpers/fixture-models.js";

function passage(id: string, text: string): ScoredPassage {
  const p: Passage = { id, articleId: id.split("#")[0]!, title: "T", paragraph: 1, start: 0, end: text.length, text };
  return { passage: p, score: 1 };
}

const LONG = Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} says the council met on day ${i + 1}, and nobody agreed.`).join(" ");

const PASSAGES: Record<string, string> = {
  plain: "The council approved the new budget on Tuesday after a long debate.",
  accents: "Zoë Saldaña and José Müller met in Zürich; the café's crème brûlée cost €4.50.",
  punctuation: '"Wait!" she said -- (quietly) -- then: 3.5bn/yr? Yes... [maybe] {no} <ok> #1 @home.',
  spacing: "  Leading spaces,\ttabs\tand\n\nblank lines   between    words.  ",
  symbols: "Snowmen ☃☃ and 😀 faces aside, £3.5bn went to the N.H.S. in 2024.",
  long: LONG,
};

let reader: QaReader;
beforeAll(async () => {
  reader = await createQaReader({ modelId: QA_ID, dtype: "q8", source: { kind: "local", dir: await fixtureModelsDir() } });
});
afterAll(() => reader.dispose());

describe("QA reader", () => {
  it.each(Object.entries(PASSAGES))("returns character-exact, whole-word spans for a %s passage", async (name, text) => {
    const spans = await reader.read("Who paid how much?", [passage(`a#${name}`, text)]);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(s.passageId).toBe(`a#${name}`);
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(text.length);
      const answer = text.slice(s.start, s.end);
      expect(answer).toBe(answer.trim());
      if (s.start > 0) expect(/[\p{L}\p{N}]{2}/u.test(text.slice(s.start - 1, s.start + 1))).toBe(false);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.noAnswerScore).toBeGreaterThanOrEqual(0);
      expect(s.noAnswerScore).toBeLessThanOrEqual(1);
    }
    expect(spans.map((s) => s.score)).toEqual([...spans.map((s) => s.score)].sort((a, b) => b - a));
  });

  it("maps every token of the real tokenizer back to the text it came from", async () => {
    useModelSource({ kind: "local", dir: await fixtureModelsDir() });
    const tokenizer = await AutoTokenizer.from_pretrained(QA_ID);
    const literal = literalTokenizer(tokenizer, QA_ID);
    for (const text of Object.values(PASSAGES)) {
      const { tokens, offsets: ranges } = literal.aligned(text);
      // Without special-token strings in the text, the tokens are the library's own.
      expect(tokens).toEqual(tokenizer.tokenize(text));
      tokens.forEach((token, i) => {
        if (token === "[UNK]") return;
        expect(text.slice(ranges[i]!.start, ranges[i]!.end)).toBe(token.replace(/^##/, ""));
      });
    }
  });

  it("reads a passage longer than the model's 512 positions through overlapping windows", async () => {
    const spans = await reader.read("When did the council meet?", [passage("a#long", LONG)]);
    expect(spans.length).toBeGreaterThan(0);
    const small = await createQaReader({
      modelId: QA_ID,
      dtype: "q8",
      source: { kind: "local", dir: await fixtureModelsDir() },
      maxLength: 48,
      stride: 16,
      spansPerPassage: 50,
    });
    const many = await small.read("When?", [passage("a#long", LONG)]);
    // With 48-token windows, spans come from windows all over the passage, not just its start.
    expect(Math.max(...many.map((s) => s.start))).toBeGreaterThan(LONG.length / 2);
    for (const s of many) expect(LONG.slice(s.start, s.end)).toBe(LONG.slice(s.start, s.end).trim());
    await small.dispose();
  });

  it("gives the same spans for a passage whether it is read alone or in a padded batch", async () => {
    // fp32: q8 quantises activations per batch, which may reorder near-tied spans.
    const fp32 = await createQaReader({ modelId: QA_ID, dtype: "fp32", source: { kind: "local", dir: await fixtureModelsDir() } });
    const q = "What did the council approve?";
    const alone = await fp32.read(q, [passage("a#plain", PASSAGES.plain!)]);
    const together = await fp32.read(q, [
      passage("a#plain", PASSAGES.plain!),
      passage("a#long", LONG),
      passage("a#accents", PASSAGES.accents!),
    ]);
    await fp32.dispose();
    const fromPlain = together.filter((s) => s.passageId === "a#plain");
    expect(fromPlain.map((s) => [s.start, s.end])).toEqual(alone.map((s) => [s.start, s.end]));
    fromPlain.forEach((s, i) => expect(s.score).toBeCloseTo(alone[i]!.score, 5));
  });

  it("returns nothing for no passages, an empty question, or an empty passage", async () => {
    expect(await reader.read("Who?", [])).toEqual([]);
    expect(await reader.read("  ", [passage("a#plain", PASSAGES.plain!)])).toEqual([]);
    expect(await reader.read("Who?", [passage("a#empty", "")])).toEqual([]);
  });

  it("runs the fp32 model too", async () => {
    const fp32 = await createQaReader({ modelId: QA_ID, dtype: "fp32", source: { kind: "local", dir: await fixtureModelsDir() } });
    expect(fp32.mode).toBe("model");
    expect((await fp32.read("Who met?", [passage("a#accents", PASSAGES.accents!)])).length).toBeGreaterThan(0);
    await fp32.dispose();
  });
});
