import type { Article, Summary } from "../../../src/types.js";
import { articleSentences } from "../../../src/summarize/candidates.js";
import { createRandom } from "../../seeded-random.js";

function summaryOf(article: Article, indices: number[]): Summary {
  const units = articleSentences(article);
  return {
    kind: "summary",
    articleId: article.id,
    title: article.title,
    mode: "lexical",
    sentences: indices
      .sort((a, b) => a - b)
      .map((i) => units[i]!)
      .map((u) => ({ text: u.text, articleId: u.articleId, paragraph: u.paragraph })),
  };
}

/** The first k sentences. */
export function leadK(article: Article, k: number): Summary {
  const n = articleSentences(article).length;
  return summaryOf(article, [...Array(Math.min(k, n)).keys()]);
}

/** A seeded pseudo-random generator: the same seed gives the same baseline. */
export const seededRandom = createRandom;

/** k sentences drawn uniformly without replacement. */
export function randomK(article: Article, k: number, random: () => number): Summary {
  const order = [...articleSentences(article).keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return summaryOf(article, order.slice(0, k));
}
