import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { SENTENCE_RANKER } from "../../../src/summarize/sentence-ranker.js";
import { summarizeArticle } from "../../../src/summarize/index.js";
import { keywordEmbedder, makeArticle } from "./make-article.js";

const STORY = makeArticle("world/port-strike", "Dock workers strike over pay at the port", [
  "Dock workers at the city port began a strike over pay on Monday, halting cargo traffic.",
  "Photo: Reuters",
  "The union said the strike would continue until the port authority raised pay for dock workers. Talks broke down last week after the authority offered a smaller pay rise.",
  "Shipping firms warned that cargo would pile up if the strike lasted more than a few days. Some ships were already waiting outside the harbour.",
  "ADVERTISEMENT",
  "The mayor urged both sides to return to talks. She said the port was vital to the city economy.",
  "The port handles a third of the country's cargo trade. It employs about four thousand dock workers.",
  "Click here to subscribe to our newsletter",
  "A spokesman for the port authority said its offer was fair and final. The union called the offer an insult to dock workers.",
]);

function offsetsOf(text: string, sentence: string): number {
  const at = text.indexOf(sentence);
  expect(at, `not a verbatim slice: ${sentence}`).toBeGreaterThanOrEqual(0);
  return at;
}

describe("summarizeArticle", () => {
  it.each([
    [{}, 3],
    [{ length: "short" as const }, 3],
    [{ length: "medium" as const }, 5],
    [{ length: "long" as const }, 8],
    [{ sentences: 1 }, 1],
    [{ sentences: 4 }, 4],
    [{ sentences: 2, length: "long" as const }, 2],
  ])("with options %j picks %i sentences", async (options, n) => {
    const summary = await summarizeArticle(STORY, options);
    expect(summary.sentences).toHaveLength(n);
    expect(summary).toMatchObject({ articleId: STORY.id, title: STORY.title, mode: "lexical" });
  });

  it("returns sentences in article order", async () => {
    const { sentences } = await summarizeArticle(STORY, { length: "long" });
    const positions = sentences.map((s) => offsetsOf(STORY.text, s.text));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("quotes each sentence verbatim from the paragraph it cites", async () => {
    const { sentences } = await summarizeArticle(STORY, { length: "long" });
    for (const s of sentences) {
      const p = STORY.paragraphs.find((q) => q.number === s.paragraph)!;
      expect(STORY.text.slice(p.start, p.end)).toContain(s.text);
      expect(s.articleId).toBe(STORY.id);
    }
  });

  it("never picks captions, labels or calls to action, even when asked for every sentence", async () => {
    const { sentences } = await summarizeArticle(STORY, { sentences: 20 });
    const texts = sentences.map((s) => s.text);
    expect(texts).toHaveLength(11);
    for (const debris of ["Photo: Reuters", "ADVERTISEMENT", "Click here to subscribe to our newsletter"]) {
      expect(texts).not.toContain(debris);
    }
  });

  it("prefers the sentence the rest of the article repeats over an opening aside", async () => {
    const article = makeArticle("central", "Council news", [
      "It was a mild and sunny morning in the town on Monday.",
      "The council voted to close the old library in the town centre.",
      "Library users said closing the old library would hurt the town.",
      "The council said the library building needed costly repairs.",
      "A petition to keep the library open has two thousand names.",
    ]);
    const { sentences } = await summarizeArticle(article, { sentences: 1 });
    expect(sentences[0]!.text).toBe("The council voted to close the old library in the town centre.");
  });

  it("summarises a one-sentence article as that sentence", async () => {
    const one = makeArticle("one", "One", ["The council approved the new budget on Tuesday evening."]);
    const summary = await summarizeArticle(one, { length: "long" });
    expect(summary.sentences).toEqual([{ text: one.text, articleId: "one", paragraph: 1 }]);
  });

  it("gives an empty article zero sentences", async () => {
    const empty = { id: "empty", title: "Empty", text: "", paragraphs: [], hash: "" };
    await expect(summarizeArticle(empty)).resolves.toMatchObject({ articleId: "empty", sentences: [] });
  });

  it("gives an article of nothing but debris zero sentences", async () => {
    const junk = makeArticle("junk", "Junk", ["Photo: AFP", "SHARE THIS STORY", "Advertisement"]);
    expect((await summarizeArticle(junk)).sentences).toEqual([]);
  });

  it.each([0, -1, 2.5, 51, Number.NaN])("rejects %s sentences with a UsageError", async (n) => {
    await expect(summarizeArticle(STORY, { sentences: n })).rejects.toThrow(UsageError);
  });

  it("rejects an unknown length with a UsageError", async () => {
    await expect(summarizeArticle(STORY, { length: "huge" as never })).rejects.toThrow(UsageError);
  });

  it("ranks by embedding similarity in model mode", async () => {
    const article = makeArticle("model", "Mixed news", [
      "The orchestra opened its season with a new symphony on Friday.",
      "Farmers reported a record wheat harvest this year.",
      "Wheat prices fell as the harvest came in.",
      "Bakers expect cheaper wheat flour by the spring.",
      "Exporters plan to ship more wheat abroad next month.",
    ]);
    const embedder = keywordEmbedder(["wheat", "orchestra"]);
    const summary = await summarizeArticle(article, { sentences: 1 }, embedder);
    expect(summary.mode).toBe("model");
    expect(summary.sentences[0]!.text).toMatch(/wheat/i);
    expect(embedder.calls[0]).toMatchObject({ kind: "passage" });
    expect(embedder.calls[0]!.texts).toHaveLength(5);
  });

  it("keeps a model-mode summary varied: two alike sentences are not both taken first", async () => {
    const article = makeArticle("mmr", "Two stories", [
      "Wheat prices fell sharply in the morning trading session.",
      "Wheat prices fell again in the afternoon trading session.",
      "The orchestra opened its season with a new symphony on Friday.",
    ]);
    const embedder = keywordEmbedder(["wheat", "orchestra"]);
    const { sentences } = await summarizeArticle(article, { sentences: 2 }, embedder, { ...SENTENCE_RANKER, lambda: 0.5 });
    const paragraphs = sentences.map((s) => s.paragraph);
    expect(paragraphs).toContain(3);
    expect(paragraphs.filter((p) => p !== 3)).toHaveLength(1);
  });
});
