import { describe, expect, it } from "vitest";
import { ModelError } from "../../../src/errors.js";
import { summarizeGenerated, type TextSummarizer } from "../../../src/summarize/index.js";
import { makeArticle } from "./make-article.js";

const ARTICLE = makeArticle("world/port-strike", "Dock workers strike", [
  "Dock workers at the city port began a strike over pay on Monday, halting cargo traffic.",
  "The union said the strike would continue until pay was raised. Talks broke down last week.",
  "The mayor urged both sides to return to talks. She said the port was vital to the city economy.",
]);

// A test double of the summary model: answers with a fixed text and records what it read.
function fixedSummarizer(reply: string | Error): TextSummarizer & { inputs: string[]; maxWords: number[] } {
  const inputs: string[] = [];
  const maxWords: number[] = [];
  return {
    modelId: "test/fixed-summarizer",
    inputs,
    maxWords,
    async summarize(text, options) {
      inputs.push(text);
      maxWords.push(options.maxWords);
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
}

describe("summarizeGenerated", () => {
  it("labels the model's text as generated and cites the article sentences it drew on, in order", async () => {
    const model = fixedSummarizer("The mayor asked for new talks. City dock workers went on strike over pay, stopping cargo.");
    const summary = await summarizeGenerated(ARTICLE, { length: "short" }, model);
    expect(summary).toMatchObject({ articleId: ARTICLE.id, mode: "generated", generated: expect.stringContaining("mayor") });
    expect(summary.sentences).toEqual([
      {
        text: "Dock workers at the city port began a strike over pay on Monday, halting cargo traffic.",
        articleId: ARTICLE.id,
        paragraph: 1,
      },
      { text: "The mayor urged both sides to return to talks.", articleId: ARTICLE.id, paragraph: 3 },
    ]);
    expect(model.inputs[0]).toContain("Talks broke down last week.");
    expect(model.maxWords).toEqual([75]);
  });

  it("cites nothing for generated words the article does not support", async () => {
    const summary = await summarizeGenerated(ARTICLE, {}, fixedSummarizer("Volcanic ash grounded flights over Iceland."));
    expect(summary.sentences).toEqual([]);
  });

  it("feeds a long article to the model as its central sentences, within the input budget", async () => {
    const long = makeArticle(
      "long",
      "Long",
      Array.from({ length: 80 }, (_, i) => `Paragraph ${i} says the port strike over pay went on for day ${i}.`),
    );
    const model = fixedSummarizer("The port strike went on.");
    await summarizeGenerated(long, {}, model);
    expect(model.inputs[0]!.split(/\s+/).length).toBeLessThanOrEqual(700);
  });

  it("turns a model failure or an empty reply into a ModelError", async () => {
    await expect(summarizeGenerated(ARTICLE, {}, fixedSummarizer(new Error("onnx crashed")))).rejects.toThrow(ModelError);
    await expect(summarizeGenerated(ARTICLE, {}, fixedSummarizer("  "))).rejects.toThrow(ModelError);
  });

  it("does not call the model for an empty article", async () => {
    const model = fixedSummarizer("anything");
    const empty = { id: "e", title: "E", text: "", paragraphs: [], hash: "" };
    expect(await summarizeGenerated(empty, {}, model)).toMatchObject({ sentences: [], generated: "" });
    expect(model.inputs).toEqual([]);
  });
});
