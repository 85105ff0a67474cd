// Finding articles by what somebody typed: autocomplete and free-text validation. Pure.
import type { ArticleInfo } from "../types.js";

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Articles whose title or id contains every typed word; title-prefix matches first. */
export function matchArticles(articles: ArticleInfo[], typed: string, limit: number): ArticleInfo[] {
  const q = norm(typed);
  if (!q) return articles.slice(0, limit);
  const words = q.split(" ");
  const hits = articles.filter((a) => {
    const hay = `${norm(a.title)} ${a.id.toLowerCase()}`;
    return words.every((w) => hay.includes(w));
  });
  const prefix = (a: ArticleInfo) => (norm(a.title).startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => prefix(a) - prefix(b)).slice(0, limit);
}

/** The id for an exact id or an exact (case-insensitive) title; undefined otherwise. */
export function resolveArticle(articles: ArticleInfo[], value: string): string | undefined {
  const byId = articles.find((a) => a.id === value);
  if (byId) return byId.id;
  const v = norm(value);
  const byTitle = articles.filter((a) => norm(a.title) === v);
  return byTitle.length === 1 ? byTitle[0]!.id : undefined;
}
