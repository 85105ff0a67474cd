// The article list both faces show and search: sorted newest first and indexed by title once per
// change of the list, not on every call or keystroke. Pure.
import { closestIds } from "../closest-ids.js";
import type { ArticleInfo, ArticleMatch } from "../types.js";
import { buildTitleIndex, type TitleIndex } from "./title-index.js";

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

/** The catalog of `articles`; `previous` itself when nothing it lists has changed. */
export function buildCatalog(articles: Iterable<ArticleInfo>, previous?: ArticleCatalog): ArticleCatalog {
  const collator = new Intl.Collator();
  const list = [...articles]
    .map(info)
    .sort((a, b) => collator.compare(b.published ?? "", a.published ?? "") || collator.compare(a.title, b.title));
  if (previous && previous.list.length === list.length && list.every((a, i) => same(a, previous.list[i]!))) return previous;
  return { list, titles: buildTitleIndex(list) };
}

export function findArticles(catalog: ArticleCatalog, query: string, limit: number): ArticleMatch[] {
  return catalog.titles.find(query, limit).map((h) => ({ article: h.entry, match: h.match }));
}

/** "Did you mean": articles the title index finds for `wanted`, nearest id first; every id when it finds none. */
export function closestArticleIds(catalog: ArticleCatalog, wanted: string, count = 5): string[] {
  const found = catalog.titles.find(wanted, 50).map((h) => h.entry.id);
  return closestIds(wanted, found.length ? found : catalog.list.map((a) => a.id), count);
}
