import type { Article, Embedder, ScoredPassage, Summary, SummaryOptions } from "../types.js";
import { articleSentences, type SentenceUnit } from "./candidates.js";
import { isDebris } from "./debris.js";
import { sentenceCount } from "./length.js";
import { foldNearDuplicates } from "./near-duplicates.js";
import { scoreSentences } from "./score.js";
import { selectMmr } from "./select.js";
import { buildSpace } from "./space.js";
import { DEFAULT_WEIGHTS, type RankWeights } from "./weights.js";

/** The sentences of the retrieved passages, best hit first, each sentence once. */
function passageSentences(hits: readonly ScoredPassage[], articles: ReadonlyMap<string, Article>): SentenceUnit[] {
  const seen = new Set<string>();
  const out: SentenceUnit[] = [];
  const byArticle = new Map<string, SentenceUnit[]>();
  for (const { passage } of [...hits].sort((a, b) => b.score - a.score)) {
    const article = articles.get(passage.articleId);
    if (!article) continue;
    if (!byArticle.has(article.id)) byArticle.set(article.id, articleSentences(article));
    for (const s of byArticle.get(article.id)!) {
      const key = `${s.articleId}:${s.start}`;
      if (s.end <= passage.start || s.start >= passage.end || seen.has(key)) continue;
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/**
 * A digest of a topic across articles: sentences from the retrieved passages, ranked by relevance
 * to the topic plus centrality among themselves, kept varied by MMR, with repeated news folded to
 * its first wording. Returned grouped by article (best-ranked article first), in article order.
 */
export async function summarizeTopic(
  topic: string,
  hits: readonly ScoredPassage[],
  articles: ReadonlyMap<string, Article>,
  options: SummaryOptions = {},
  embedder?: Embedder,
  weights: RankWeights = DEFAULT_WEIGHTS,
): Promise<Summary> {
  const count = sentenceCount(options);
  const base = { kind: "summary", articleId: null, title: `Digest: ${topic.trim()}`, mode: embedder ? "model" : "lexical" } as const;
  const all = passageSentences(hits, articles).filter((s) => !isDebris(s.text));
  const units = foldNearDuplicates(all.map((s) => s.text)).map((i) => all[i]!);
  if (units.length === 0) return { ...base, sentences: [] };

  const space = await buildSpace(
    units.map((u) => u.text),
    embedder,
  );
  const relevance = await space.similarityTo(topic);
  const top = Math.max(...relevance);
  const scores = scoreSentences(
    {
      sim: space.sim,
      positions: units.map((u) => u.ordinal),
      titleSimilarity: units.map(() => 0),
      relevance: relevance.map((r) => (top > 0 ? r / top : 0)),
    },
    weights,
  );
  const articleRank = new Map<string, number>();
  for (const u of units) if (!articleRank.has(u.articleId)) articleRank.set(u.articleId, articleRank.size);
  // A digest speaks for several articles: no one article may fill more than half of it.
  const limit =
    articleRank.size > 1 ? { groups: units.map((u) => articleRank.get(u.articleId)!), perGroup: Math.ceil(count / 2) } : undefined;
  const picked = selectMmr(
    scores,
    space.sim,
    count,
    weights.lambda,
    units.map((_, i) => i),
    limit,
  );

  const sentences = picked
    .map((i) => units[i]!)
    .sort((a, b) => articleRank.get(a.articleId)! - articleRank.get(b.articleId)! || a.ordinal - b.ordinal)
    .map((u) => ({ text: u.text, articleId: u.articleId, paragraph: u.paragraph }));
  return { ...base, sentences };
}
