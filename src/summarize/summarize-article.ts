import type { Article, Embedder, Summary, SummaryOptions } from "../types.js";
import { articleSentences } from "./candidates.js";
import { isDebris } from "./debris.js";
import { sentenceCount } from "./length.js";
import { scoreSentences } from "./score.js";
import { selectMmr } from "./select.js";
import { buildSpace } from "./space.js";
import { DEFAULT_WEIGHTS, type RankWeights } from "./weights.js";

/**
 * Extractive summary of one article: the most central sentences (LexRank over TF-IDF cosine, or
 * over embedding cosine when an embedder is given), nudged towards the lead and the headline,
 * kept varied by MMR, returned in article order. Texts are verbatim slices of `article.text`.
 */
export async function summarizeArticle(
  article: Article,
  options: SummaryOptions = {},
  embedder?: Embedder,
  weights: RankWeights = DEFAULT_WEIGHTS,
): Promise<Summary> {
  const count = sentenceCount(options);
  const mode = embedder ? "model" : "lexical";
  const units = articleSentences(article).filter((s) => !isDebris(s.text));
  const base = { kind: "summary", articleId: article.id, title: article.title, mode } as const;
  if (units.length === 0) return { ...base, sentences: [] };

  const space = await buildSpace(
    units.map((u) => u.text),
    embedder,
  );
  const titleSimilarity = article.title.trim() ? await space.similarityTo(article.title) : units.map(() => 0);
  const scores = scoreSentences({ sim: space.sim, positions: units.map((u) => u.ordinal), titleSimilarity }, weights);
  const picked = selectMmr(
    scores,
    space.sim,
    count,
    weights.lambda,
    units.map((_, i) => i),
  );
  const sentences = picked
    .sort((a, b) => a - b)
    .map((i) => units[i]!)
    .map((u) => ({ text: u.text, articleId: u.articleId, paragraph: u.paragraph }));
  return { ...base, sentences };
}
