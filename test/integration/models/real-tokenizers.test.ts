// Model mode on what a real host downloads, bar the weights: the published tokenizer and config
// files of the three defaults (../shared/data/model-configs) beside tiny generated weights of the
// real vocabulary sizes. Article text holding special-token strings, CJK (astral ideographs too),
// combining accents, soft hyphens and zero-width characters must not crash anything, must stay
// text, and every answer offset must be character-exact.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArticle } from "../../../src/knowledge/build-article.js";
import {
  createEmbedder,
  createQaReader,
  createSummarizer,
  type ModelEmbedder,
  type ModelSummarizer,
  type QaReader,
} from "../../../src/models/index.js";
import { literalTokenizer, type LiteralTokenizer } from "../../../src/models/literal-tokenizer.js";
import { useModelSource } from "../../../src/models/transformers-env.js";
import { summarizeGenerated } from "../../../src/summarize/index.js";
import type { Passage, ScoredPassage } from "../../../src/types.js";
import { EMBEDDER_ID, QA_ID, realTokenizerModelsDir, SUMMARIZER_ID } from "../../helpers/fixture-models.js";
import { requireSharedData } from "../../helpers/shared-data.js";

const SPECIALS = ["[UNK]", "[CLS]", "[SEP]", "[MASK]", "[PAD]", "<s>", "</s>", "<mask>", "<pad>", "<unk>"];

const HAZARDS: Record<string, string> = {
  "special-token strings": `The parser printed ${SPECIALS.join(" and ")} before the budget of £3.5bn was approved by Parliament on Monday.`,
  "glued special-token strings":
    "Tokens<mask>like[SEP]these<s>glue</s>onto[UNK]words, then the budget of £3.5bn was approved by Parliament.",
  "astral CJK ideographs": "The characters 𠀀𠀁 and 𠀂 appear beside 東京 and 中文, then the budget of £3.5bn was approved by Parliament.",
  "combining accents":
    "Cafe\u0301 owner Zoe\u0308 Saldan\u0303a met Jose\u0301 in Zu\u0308rich before the budget of £3.5bn was approved by Parliament.",
  "soft hyphens":
    "The co\u00adop\u00ader\u00adat\u00adive and the gov\u00adern\u00adment agreed before the budget of £3.5bn was approved by Parliament.",
  "zero-width characters":
    "Zero\u200bwidth\u200c joiners\u200d and a\ufeffmark sat in text before the budget of £3.5bn was approved by Parliament.",
  "everything at once": `[UNK] 𠀀𠀁 Cafe\u0301 co\u00adop a\u200bb <mask> [SEP] </s> 😀 — the budget of £3.5bn was approved by Parliament on Monday.`,
};

function scored(id: string, text: string): ScoredPassage {
  const passage: Passage = { id, articleId: id.split("#")[0]!, title: "T", paragraph: 1, start: 0, end: text.length, text };
  return { passage, score: 1 };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** True when position `i` of `text` falls between two characters of one word. */
function insideWord(text: string, i: number): boolean {
  return i > 0 && i < text.length && WORD.test(text[i - 1]!) && WORD.test(text[i]!) && !/[\u200b-\u200d\ufeff\u00ad]/u.test(text[i]!);
}

/** Passages of BBC articles, read in place from the shared data. */
async function bbcParagraphs(perCategory: number): Promise<string[]> {
  const root = requireSharedData("bbc", "articles");
  const out: string[] = [];
  for (const category of (await readdir(root)).sort()) {
    const files = (await readdir(path.join(root, category))).sort().slice(0, perCategory);
    for (const f of files) {
      const text = await readFile(path.join(root, category, f), "latin1");
      out.push(...text.split(/\n\s*\n/).filter((p) => p.trim() !== ""));
    }
  }
  return out;
}

let dir: string;
const tokenizers: Record<string, PreTrainedTokenizer> = {};
beforeAll(async () => {
  dir = await realTokenizerModelsDir();
  useModelSource({ kind: "local", dir });
  for (const id of [EMBEDDER_ID, QA_ID, SUMMARIZER_ID]) tokenizers[id] = await AutoTokenizer.from_pretrained(id);
}, 120_000);

describe("the fixture carries the published files", () => {
  it.each([
    [EMBEDDER_ID, 30522, "the", 1996],
    [QA_ID, 28996, "The", 1109],
    [SUMMARIZER_ID, 50265, "Ġthe", 5],
  ])("%s has its real vocabulary (%i entries, %s = %i)", async (id, size, token, tokenId) => {
    const tokenizer = tokenizers[id]!;
    expect(tokenizer.get_vocab().size).toBe(size);
    expect(tokenizer.convert_tokens_to_ids(token)).toBe(tokenId);
    const config = JSON.parse(await readFile(path.join(dir, ...id.split("/"), "config.json"), "utf8")) as { vocab_size: number };
    expect(config.vocab_size).toBe(id === SUMMARIZER_ID ? 50264 : size);
  });
});

describe("article text is tokenised as text", () => {
  const literal = (id: string): LiteralTokenizer => literalTokenizer(tokenizers[id]!, id, id === SUMMARIZER_ID ? 50264 : undefined);

  it.each([EMBEDDER_ID, QA_ID, SUMMARIZER_ID])("%s: special-token strings never become special ids", (id) => {
    // An unknown word (an ideograph outside the vocabulary) is the unknown token, rightly.
    const unknown = tokenizers[id]!.unk_token_id;
    const specialIds = new Set(tokenizers[id]!.all_special_ids.filter((s) => s !== unknown));
    expect(literal(id).ids(HAZARDS["special-token strings"]!)).not.toContain(unknown);
    for (const text of Object.values(HAZARDS)) {
      const ids = literal(id).ids(text);
      expect(ids.length).toBeGreaterThan(10);
      for (const tokenId of ids) {
        expect(specialIds.has(tokenId)).toBe(false);
        if (id === SUMMARIZER_ID) expect(tokenId).toBeLessThan(50264);
      }
    }
  });

  it.each([EMBEDDER_ID, QA_ID])("%s: a literal [SEP] gives the ids of its characters", (id) => {
    expect(literal(id).ids("a [SEP] b")).toEqual(tokenizers[id]!.encode("a [ SEP ] b", { add_special_tokens: false }));
  });

  it.each([EMBEDDER_ID, QA_ID, SUMMARIZER_ID])("%s: text without special-token strings gets the library's own ids (BBC)", async (id) => {
    const paragraphs = await bbcParagraphs(10);
    expect(paragraphs.length).toBeGreaterThan(200);
    const tokenizer = tokenizers[id]!;
    for (const p of paragraphs) expect(literal(id).ids(p)).toEqual(tokenizer.encode(p, { add_special_tokens: false }));
  });

  it.each([EMBEDDER_ID, QA_ID])("%s: every token maps back to the characters it came from (hazards and BBC)", async (id) => {
    const normalize = (s: string) =>
      (tokenizers[id]! as unknown as { _tokenizer: { normalizer: (s: string) => string } })._tokenizer.normalizer(s);
    const texts = [...Object.values(HAZARDS), ...(await bbcParagraphs(10))];
    let tokens = 0;
    let misaligned = 0;
    for (const text of texts) {
      const aligned = literal(id).aligned(text);
      aligned.tokens.forEach((token, i) => {
        const { start, end } = aligned.offsets[i]!;
        tokens++;
        const slice = text.slice(start, end);
        const ok =
          token === "[UNK]"
            ? slice.trim() === slice && slice !== "" && !insideWord(text, start) && !insideWord(text, end)
            : normalize(slice).trim() === token.replace(/^##/, ""); // CJK characters normalise to " 中 "
        if (!ok) misaligned++;
      });
    }
    expect(tokens).toBeGreaterThan(10_000);
    expect(misaligned).toBe(0);
  });
});

describe("the models on the real files", () => {
  let embedder: ModelEmbedder;
  let reader: QaReader;
  let summarizer: ModelSummarizer;
  beforeAll(async () => {
    const source = { kind: "local" as const, dir };
    embedder = await createEmbedder({ modelId: EMBEDDER_ID, dtype: "q8", source });
    reader = await createQaReader({ modelId: QA_ID, dtype: "q8", source });
    summarizer = await createSummarizer({ modelId: SUMMARIZER_ID, dtype: "q8", source });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([embedder?.dispose(), reader?.dispose(), summarizer?.dispose()]);
  });

  it("the embedder gives a unit vector for every hazardous text", async () => {
    const texts = Object.values(HAZARDS);
    const vectors = await embedder.embed(texts, "passage");
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    // "[SEP]" is text: it changes the vector as any word would, not as the end of the input.
    const [a, b] = await embedder.embed(["budget [SEP] approved", "budget approved"], "passage");
    expect(a).not.toEqual(b);
  });

  it.each(Object.entries(HAZARDS))("the QA reader gives whole-word, character-exact spans (%s)", async (name, text) => {
    const spans = await reader.read("How much was approved by Parliament?", [scored(`a#${name}`, text)]);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      const answer = text.slice(s.start, s.end);
      expect(answer).toBe(answer.trim());
      expect(answer.length).toBeGreaterThan(0);
      expect(insideWord(text, s.start)).toBe(false);
      expect(insideWord(text, s.end)).toBe(false);
    }
  });

  it("the QA reader takes a question holding special-token strings as text", async () => {
    const spans = await reader.read("What did [SEP] the <mask> [CLS] approve?", [scored("a#q", HAZARDS["special-token strings"]!)]);
    expect(spans.length).toBeGreaterThan(0);
  });

  it("the summariser reads an article holding <mask> and the other strings without crashing, and writes no filler", async () => {
    for (const text of Object.values(HAZARDS)) {
      const summary = await summarizer.summarize(text, { maxWords: 20 });
      expect(summary.length).toBeGreaterThan(0);
      expect(summary).not.toMatch(/<extra_\d+>/);
      for (const special of ["<s>", "</s>", "<pad>", "<unk>", "<mask>"]) expect(summary).not.toContain(special);
    }
  });

  it("a generated summary of a long article with <mask> in it reaches the reader labelled, cited and clean", async () => {
    const paragraphs = (await bbcParagraphs(1)).slice(0, 12);
    const body = [...paragraphs.slice(0, 3), "A spokesman typed <mask> and [MASK] into the form.", ...paragraphs.slice(3)].join("\n\n");
    const article = buildArticle("masked.txt", Buffer.from(`Masked budget story\n\n${body}\n`), (t) => t);
    const summary = await summarizeGenerated(article, { length: "short" }, summarizer);
    expect(summary.mode).toBe("generated");
    expect(summary.generated!.length).toBeGreaterThan(0);
    expect(summary.generated).not.toMatch(/<extra_\d+>|<\/?s>|<pad>|<unk>|<mask>/);
  });
});
