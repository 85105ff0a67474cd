// The article list both faces show and search: sorted newest first and indexed by title once per
// change of the list, not on every call or keystroke. Pure.
import { closestIds } from "../closest-ids.js";
import type { ArticleInfo, ArticleMatch } from "../types.js";
import { buildTitleIndexInSteps, type TitleIndex } from "./title-index.js";

export interface ArticleCatalog {
  /** Newest first (by `published`, then title). */
  readonly list: readonly ArticleInfo[];
  readonly titles: TitleIndex<ArticleInfo>;
}

const info = (a: ArticleInfo): ArticleInfo => ({
  id: a.id,
  title: a.title,
  source: a.source,
  published: a.published,
  paragraphs: a.paragraphs,
});
const same = (a: ArticleInfo, b: ArticleInfo) =>
  a.id === b.id && a.title === b.title && a.published === b.published && a.source === b.source && a.paragraphs === b.paragraphs;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The catalog of `articles`; `previous` itself when nothing it lists has changed. The title index
 *  is built in steps (5 s of CPU at 200,000 articles, docs/bench.md), so questions keep being answered. */
export async function buildCatalog(articles: Iterable<ArticleInfo>, previous?: ArticleCatalog): Promise<ArticleCatalog> {
  const collator = new Intl.Collator();
  const list = [...articles]
    .map(info)
    .sort((a, b) => collator.compare(b.published ?? "", a.published ?? "") || collator.compare(a.title, b.title));
  if (previous && previous.list.length === list.length && list.every((a, i) => same(a, previous.list[i]!))) return previous;
  return { list, titles: await buildTitleIndexInSteps(list, nextTurn) };
}

export function findArticles(catalog: ArticleCatalog, query: string, limit: number): ArticleMatch[] {
  return catalog.titles.find(query, limit).map((h) => ({ article: h.entry, match: h.match }));
}

/** "Did you mean": what the title index finds for `wanted`, or for less and less of it (a typo is
 *  usually near the end), nearest id first; only when nothing is found, every id by edit distance. */
export function closestArticleIds(catalog: ArticleCatalog, wanted: string, count = 5): string[] {
  let found: string[] = [];
  for (let typed = wanted.trim(); typed.length >= 2 && found.length === 0; typed = typed.slice(0, -1)) {
    found = catalog.titles.find(typed, 50).map((h) => h.entry.id);
  }
  return closestIds(wanted, found.length ? found : catalog.list.map((a) => a.id), count);
}
