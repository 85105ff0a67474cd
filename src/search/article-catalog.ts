// The article list both faces show and search: sorted newest first and indexed by title once, not
// on every call or keystroke. After a refresh that changed a few articles, the built index is kept
// and the changes are laid over it (a small index of the new entries, the old ones hidden), so a
// one-file /reindex of a 200,000-article archive neither rebuilds nor holds a second full index.
// Pure.
import { closestIds } from "../closest-ids.js";
import type { ArticleInfo, ArticleMatch, TitleMatch } from "../types.js";
import { buildTitleIndex, buildTitleIndexInSteps, type TitleHit, type TitleIndex } from "./title-index.js";

export interface ArticleCatalog {
  /** Newest first (by `published`, then title). */
  readonly list: readonly ArticleInfo[];
  readonly titles: TitleIndex<ArticleInfo>;
  /** What is laid over the fully built index (0 right after a full build). */
  readonly overlaid: number;
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

const collator = new Intl.Collator();
/** Newest first, then by title. */
const newestFirst = (a: ArticleInfo, b: ArticleInfo) =>
  collator.compare(b.published ?? "", a.published ?? "") || collator.compare(a.title, b.title);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function sortedList(articles: Iterable<ArticleInfo>): ArticleInfo[] {
  return [...articles].map(info).sort(newestFirst);
}

/** The catalog of `articles`; `previous` itself when nothing it lists has changed. The title index
 *  is built in steps (3–5 s of CPU at 200,000 articles, docs/archive-index.md), so questions keep
 *  being answered. */
export async function buildCatalog(articles: Iterable<ArticleInfo>, previous?: ArticleCatalog): Promise<ArticleCatalog> {
  const list = sortedList(articles);
  if (previous && previous.list.length === list.length && list.every((a, i) => same(a, previous.list[i]!))) return previous;
  return { list, titles: await buildTitleIndexInSteps(list, nextTurn), overlaid: 0 };
}

/** The same catalog built at once (a process that needs it right now and answers nothing else meanwhile). */
export function buildCatalogNow(articles: Iterable<ArticleInfo>): ArticleCatalog {
  const list = sortedList(articles);
  return { list, titles: buildTitleIndex(list), overlaid: 0 };
}

/** Beyond this many changed articles laid over the index, a full rebuild is cheaper to search. */
export const OVERLAY_LIMIT = 2000;

interface Overlaid extends ArticleCatalog {
  readonly base: TitleIndex<ArticleInfo>;
  /** Ids of the base index's entries no longer listed as they were. */
  readonly hidden: ReadonlySet<string>;
  /** The entries added or changed since the base was built, newest first. */
  readonly extra: readonly ArticleInfo[];
}

const TIERS: readonly TitleMatch[] = ["all", "id", "title", "prefix", "word-prefix", "substring"];

/**
 * `catalog` with the articles `removed` (ids) gone and `updated` (new or changed) listed; undefined
 * when so much has changed since the last full build that one is due (OVERLAY_LIMIT).
 */
export function withChanges(
  catalog: ArticleCatalog,
  updated: readonly ArticleInfo[],
  removed: readonly string[],
): ArticleCatalog | undefined {
  const prior = catalog as Partial<Overlaid>;
  const base = prior.base ?? catalog.titles;
  const gone = new Set([...removed, ...updated.map((a) => a.id)]);
  const hidden = new Set([...(prior.hidden ?? []), ...gone]);
  const extra = [...(prior.extra ?? []).filter((a) => !gone.has(a.id)), ...updated.map(info)].sort(newestFirst);
  if (hidden.size + extra.length > OVERLAY_LIMIT) return undefined;

  const kept = catalog.list.filter((a) => !gone.has(a.id));
  const list = merge(kept, updated.map(info).sort(newestFirst));
  const small = buildTitleIndex(extra);
  const rank = (h: TitleHit<ArticleInfo>) => TIERS.indexOf(h.match);
  const titles: TitleIndex<ArticleInfo> = {
    size: list.length,
    find(query, limit) {
      // The base's best, over-asked by what may be hidden; then both lists merged by kind of
      // match and list order, as one index over the whole list would give them.
      const visible = (ask: number): TitleHit<ArticleInfo>[] => {
        const found = base.find(query, ask);
        const shown = found.filter((h) => !hidden.has(h.entry.id));
        const done = shown.length >= limit || found.length < ask || ask >= limit + hidden.size;
        return done ? shown : visible(Math.min(limit + hidden.size, ask + 2 * (found.length - shown.length)));
      };
      const hits = [...visible(limit), ...small.find(query, limit)];
      return hits.sort((a, b) => rank(a) - rank(b) || newestFirst(a.entry, b.entry)).slice(0, limit);
    },
  };
  const overlaid: Overlaid = { list, titles, overlaid: hidden.size + extra.length, base, hidden, extra };
  return overlaid;
}

/** Two lists sorted newest first, merged. */
function merge(a: readonly ArticleInfo[], b: readonly ArticleInfo[]): ArticleInfo[] {
  const out: ArticleInfo[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && newestFirst(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
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
