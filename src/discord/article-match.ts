// Which article somebody meant, from what the core's title lookup found for their text. Pure.
import type { ArticleMatch } from "../types.js";

/** The id for an exact id, or a title typed in full that only one article has; undefined otherwise. */
export function resolveArticle(typed: string, matches: readonly ArticleMatch[]): string | undefined {
  const value = typed.trim();
  const exact = matches.find((m) => m.match === "id" && m.article.id === value);
  if (exact) return exact.article.id;
  for (const kind of ["id", "title"] as const) {
    const same = matches.filter((m) => m.match === kind);
    if (same.length === 1) return same[0]!.article.id;
    if (same.length > 1) return undefined;
  }
  return undefined;
}
