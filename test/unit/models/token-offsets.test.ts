import { describe, expect, it } from "vitest";
import { alignTokens, normalizerSettingsOf } from "../../../src/models/token-offsets.js";

const cased = { lowercase: false, stripAccents: false };
const uncased = { lowercase: true, stripAccents: true };

function slices(text: string, tokens: string[], settings = cased): string[] {
  return alignTokens(text, tokens, settings).map((r) => text.slice(r.start, r.end));
}

describe("alignTokens", () => {
  it.each([
    ["plain words and punctuation", "Hello, world!", ["Hello", ",", "world", "!"], cased, ["Hello", ",", "world", "!"]],
    ["continuation pieces", "unbelievable news", ["un", "##believ", "##able", "news"], cased, ["un", "believ", "able", "news"]],
    ["odd spacing, tabs and newlines", "  The \t cat\n\nsat ", ["The", "cat", "sat"], cased, ["The", "cat", "sat"]],
    ["lowercased and accent-stripped pieces map to the original", "Café RÉSUMÉ", ["cafe", "re", "##sume"], uncased, ["Café", "RÉ", "SUMÉ"]],
    ["decomposed accents (combining marks) stay with their letter", "Cafe\u0301 ok", ["cafe", "ok"], uncased, ["Cafe\u0301", "ok"]],
    ["an unknown word covers the whole word", "see ☃☃x now", ["see", "[UNK]", "now"], cased, ["see", "☃☃x", "now"]],
    ["an unknown punctuation mark covers one character", "a ¿ b", ["a", "[UNK]", "b"], cased, ["a", "¿", "b"]],
    ["control characters are skipped", "a\u200bb c", ["ab", "c"], cased, ["a\u200bb", "c"]],
    ["astral characters count as one piece character", "x 😀y", ["x", "😀", "##y"], cased, ["x", "😀", "y"]],
    ["CJK characters become separate words", "东京 city", ["东", "京", "city"], cased, ["东", "京", "city"]],
  ])("%s", (_name, text, tokens, settings, expected) => {
    expect(slices(text, tokens, settings)).toEqual(expected);
  });

  it("gives empty ranges at the end when tokens outrun the text", () => {
    expect(alignTokens("a", ["a", "b"], cased)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 1 },
    ]);
  });
});

describe("normalizerSettingsOf", () => {
  it.each([
    [{ do_lower_case: true, strip_accents: null }, uncased],
    [{ do_lower_case: false, strip_accents: null }, cased],
    [
      { do_lower_case: true, strip_accents: false },
      { lowercase: true, stripAccents: false },
    ],
    [
      { do_lower_case: false, strip_accents: true },
      { lowercase: false, stripAccents: true },
    ],
    [{ do_lower_case: true }, uncased],
    [undefined, cased],
  ])("reads tokenizer config %j", (config, expected) => {
    expect(normalizerSettingsOf(config)).toEqual(expected);
  });
});
