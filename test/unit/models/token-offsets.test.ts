import { describe, expect, it } from "vitest";
import { tokenizeWithOffsets, type TokenizerSteps } from "../../../src/models/token-offsets.js";

// A small BERT-like tokenizer: the real one is exercised in test/integration/models/real-tokenizers.test.ts.
const VOCAB = new Set([
  "hello",
  ",",
  "world",
  "!",
  "un",
  "##believ",
  "##able",
  "news",
  "cafe",
  "re",
  "##sume",
  "[",
  "unk",
  "]",
  "a",
  "b",
  "ab",
  "c",
]);

function wordPiece(word: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < word.length;) {
    let end = word.length;
    let piece: string | undefined;
    for (; end > start; end--) {
      const candidate = (start > 0 ? "##" : "") + word.slice(start, end);
      if (VOCAB.has(candidate)) {
        piece = candidate;
        break;
      }
    }
    if (!piece) return ["[UNK]"];
    out.push(piece);
    start = end;
  }
  return out;
}

function steps(normalize: (s: string) => string): TokenizerSteps {
  return {
    normalize,
    preTokenize: (s) =>
      s
        .split(/\s+/u)
        .flatMap((w) => w.split(/(\p{P})/u))
        .filter((w) => w !== ""),
    tokenizeWord: wordPiece,
    unkToken: "[UNK]",
    continuingPrefix: "##",
  };
}

const uncased = steps((s) =>
  s
    .replace(/[\u200b\u00ad]/gu, "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Mn}/gu, ""),
);

function slices(text: string): [string, string][] {
  const { tokens, offsets } = tokenizeWithOffsets(text, uncased);
  return tokens.map((t, i) => [t, text.slice(offsets[i]!.start, offsets[i]!.end)]);
}

describe("tokenizeWithOffsets", () => {
  it.each([
    [
      "words and punctuation",
      "Hello, world!",
      [
        ["hello", "Hello"],
        [",", ","],
        ["world", "world"],
        ["!", "!"],
      ],
    ],
    [
      "continuation pieces",
      "Unbelievable news",
      [
        ["un", "Un"],
        ["##believ", "believ"],
        ["##able", "able"],
        ["news", "news"],
      ],
    ],
    [
      "odd spacing",
      "  news \t news\n",
      [
        ["news", "news"],
        ["news", "news"],
      ],
    ],
    [
      "accents stripped map to the accented letters",
      "Café RÉSUMÉ",
      [
        ["cafe", "Café"],
        ["re", "RÉ"],
        ["##sume", "SUMÉ"],
      ],
    ],
    [
      "combining marks stay with their letter",
      "Cafe\u0301 news",
      [
        ["cafe", "Cafe\u0301"],
        ["news", "news"],
      ],
    ],
    [
      "removed characters inside a word",
      "a\u200bb c\u00ad",
      [
        ["ab", "a\u200bb"],
        ["c", "c"],
      ],
    ],
    [
      "an unknown word covers the whole word, and later words stay exact",
      "a xyz😀q b",
      [
        ["a", "a"],
        ["[UNK]", "xyz😀q"],
        ["b", "b"],
      ],
    ],
    [
      "a literal [UNK] is text",
      "a [UNK] b",
      [
        ["a", "a"],
        ["[", "["],
        ["unk", "UNK"],
        ["]", "]"],
        ["b", "b"],
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(slices(text)).toEqual(expected);
  });

  it("gives nothing for empty or removed-only text", () => {
    expect(tokenizeWithOffsets("", uncased)).toEqual({ tokens: [], offsets: [] });
    expect(tokenizeWithOffsets("\u200b", uncased)).toEqual({ tokens: [], offsets: [] });
  });

  it("keeps a piece that is not plain text inside its own word", () => {
    const odd: TokenizerSteps = { ...uncased, tokenizeWord: (w) => (w === "news" ? ["ne", "##?"] : wordPiece(w)) };
    const { offsets } = tokenizeWithOffsets("news a", odd);
    expect(offsets).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 5, end: 6 },
    ]);
  });
});
