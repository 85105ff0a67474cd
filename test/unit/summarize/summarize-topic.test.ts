import { describe, expect, it } from "vitest";
import { isNearDuplicate, summarizeTopic } from "../../../src/summarize/index.js";
import type { Article, ScoredPassage } from "../../../src/types.js";
import { keywordEmbedder, makeArticle } from "./make-article.js";

const WIRE = "The central bank raised interest rates by half a point to 4.5% on Thursday.";

const A = makeArticle("business/rates-a", "Bank raises rates", [
  `${WIRE} Borrowers face higher mortgage payments from next month.`,
  "The football club announced a new stadium sponsor on the same day.",
  "Economists said the interest rate rise would slow inflation by the end of the year.",
]);
const B = makeArticle("business/rates-b", "Rates go up again", [
  "Shares in house builders fell after the announcement.",
  // The same wire sentence, lightly edited: must be folded into A's wording.
  "The central bank raised interest rates by half a point to 4.5% on Thursday, its third rise.",
  "Savers welcomed the higher interest rates on deposit accounts.",
]);
const C = makeArticle("sport/derby", "Derby ends level", ["The derby ended in a goalless draw before a full stadium crowd."]);

const articles: ReadonlyMap<string, Article> = new Map([A, B, C].map((a) => [a.id, a]));

function hit(article: Article, paragraph: number, score: number): ScoredPassage {
  const p = article.paragraphs[paragraph - 1]!;
  return {
    score,
    passage: {
      id: `${article.id}#p${paragraph}`,
      articleId: article.id,
      title: article.title,
      paragraph,
      start: p.start,
      end: p.end,
      text: article.text.slice(p.start, p.end),
    },
  };
}

const HITS = [hit(A, 1, 0.9), hit(B, 2, 0.8), hit(A, 3, 0.7), hit(B, 3, 0.6), hit(B, 1, 0.5), hit(A, 2, 0.1)];

describe("summarizeTopic", () => {
  it("titles the digest by its topic and cites no single article", async () => {
    const digest = await summarizeTopic("interest rates", HITS, articles);
    expect(digest).toMatchObject({ articleId: null, title: "Digest: interest rates", mode: "lexical" });
  });

  it("cites several articles, each sentence verbatim from the cited paragraph", async () => {
    const { sentences } = await summarizeTopic("interest rates", HITS, articles, { length: "medium" });
    expect(new Set(sentences.map((s) => s.articleId)).size).toBe(2);
    for (const s of sentences) {
      const a = articles.get(s.articleId)!;
      const p = a.paragraphs[s.paragraph - 1]!;
      expect(a.text.slice(p.start, p.end)).toContain(s.text);
    }
  });

  it("never says the same news twice", async () => {
    const { sentences } = await summarizeTopic("interest rates", HITS, articles, { sentences: 20 });
    const texts = sentences.map((s) => s.text);
    expect(texts).toContain(WIRE);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) expect(isNearDuplicate(texts[i]!, texts[j]!)).toBe(false);
  });

  it("orders sentences by article (best hit first), then by position", async () => {
    const { sentences } = await summarizeTopic("interest rates", HITS, articles, { sentences: 20 });
    const keys = sentences.map((s) => [s.articleId === A.id ? 0 : 1, articles.get(s.articleId)!.text.indexOf(s.text)]);
    expect(keys).toEqual([...keys].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
  });

  it("prefers sentences about the topic over others in the same passages", async () => {
    const { sentences } = await summarizeTopic("interest rates", HITS, articles, { sentences: 3 });
    expect(sentences.map((s) => s.text).join(" ")).not.toMatch(/football/);
  });

  it("takes only sentences inside the retrieved passages", async () => {
    const { sentences } = await summarizeTopic("derby", [hit(A, 3, 1)], articles, { sentences: 5 });
    expect(sentences.map((s) => s.paragraph)).toEqual([3]);
  });

  it("gives zero sentences when nothing was retrieved or the articles are unknown", async () => {
    expect((await summarizeTopic("rates", [], articles)).sentences).toEqual([]);
    const stray = { ...hit(A, 1, 1), passage: { ...hit(A, 1, 1).passage, articleId: "gone" } };
    expect((await summarizeTopic("rates", [stray], articles)).sentences).toEqual([]);
  });

  it("uses the embedder for relevance in model mode", async () => {
    const embedder = keywordEmbedder(["stadium", "interest"]);
    const digest = await summarizeTopic("stadium", HITS, articles, { sentences: 1 }, embedder);
    expect(digest.mode).toBe("model");
    expect(digest.sentences[0]!.text).toMatch(/stadium/);
    expect(embedder.calls.map((c) => c.kind)).toEqual(["passage", "query"]);
  });
});
