import type { Article, Embedder, Summary, SummaryOptions } from "../types.js";
import { articleSentences, type SentenceUnit } from "./candidates.js";
import { isDebris } from "./debris.js";
import { sentenceCount } from "./length.js";
import { sentenceFeatures, type SentenceFeatures } from "./sentence-features.js";
import { SENTENCE_RANKER, summaryProbability, type SentenceRanker } from "./sentence-ranker.js";
import { selectMmr } from "./select.js";
import type { SimilarityMatrix } from "./similarity.js";
import { buildSpace } from "./space.js";
import { summaryTerms } from "../text/index.js";

/** Sentences considered in one article: every pairwise cost stays bounded (a 50 MB file would
 *  otherwise ask for an n² matrix); a news article's summary-worthy sentences come well before this. */
export const MAX_SUMMARY_CANDIDATES = 400;

export interface ArticleCandidates {
  units: SentenceUnit[];
  sim: SimilarityMatrix;
  features: SentenceFeatures[];
}

/** The sentences of an article worth ranking, their similarity and their features. */
export async function articleCandidates(article: Article, embedder?: Embedder): Promise<ArticleCandidates> {
  const units = articleSentences(article)
    .filter((s) => !isDebris(s.text))
    .slice(0, MAX_SUMMARY_CANDIDATES);
  const space = await buildSpace(
    units.map((u) => u.text),
    embedder,
  );
  const titleSimilarity = article.title.trim() && units.length ? await space.similarityTo(article.title) : units.map(() => 0);
  const features = sentenceFeatures({
    units,
    sim: space.sim,
    titleSimilarity,
    paragraphs: article.paragraphs.length,
    headline: summaryTerms(article.title),
  });
  return { units, sim: space.sim, features };
}

/**
 * Extractive summary of one article: sentences ranked by a logistic model over centrality (LexRank
 * in the article's space and TextRank-style word overlap), lead, headline and sentence shape,
 * kept varied by MMR, returned in article order. Texts are verbatim slices of `article.text`.
 */
export async function summarizeArticle(
  article: Article,
  options: SummaryOptions = {},
  embedder?: Embedder,
  ranker: SentenceRanker = SENTENCE_RANKER,
): Promise<Summary> {
  const count = sentenceCount(options);
  const mode = embedder ? "model" : "lexical";
  const base = { kind: "summary", articleId: article.id, title: article.title, mode } as const;
  const { units, sim, features } = await articleCandidates(article, embedder);
  if (units.length === 0) return { ...base, sentences: [] };
  const scores = features.map((f) => summaryProbability(f, ranker.weights));
  const picked = selectMmr(
    scores,
    sim,
    count,
    ranker.lambda,
    units.map((_, i) => i),
    undefined,
    { headline: summaryTerms(article.title), sentenceTerms: units.map((u) => summaryTerms(u.text)), gain: ranker.headlineGain },
  );
  const sentences = picked
    .sort((a, b) => a - b)
    .map((i) => units[i]!)
    .map((u) => ({ text: u.text, articleId: u.articleId, paragraph: u.paragraph }));
  return { ...base, sentences };
}
