// The title lookup as it was before the title index (main at b01d206), kept as the bench's baseline:
// per keystroke the core listed and sorted every article, then the handler tested every title.
import type { ArticleInfo } from "../../src/types.js";

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** What `newsdesk.articles()` did on every call: map each article, then sort newest first. */
export function listArticles(articles: Iterable<ArticleInfo>): ArticleInfo[] {
  return [...articles]
    .map((a) => ({ id: a.id, title: a.title, source: a.source, published: a.published, paragraphs: a.paragraphs }))
    .sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "") || a.title.localeCompare(b.title));
}

/** The old matchArticles: every title or id that contains every typed word; title prefixes first. */
export function matchArticlesLinear(articles: ArticleInfo[], typed: string, limit: number): ArticleInfo[] {
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
