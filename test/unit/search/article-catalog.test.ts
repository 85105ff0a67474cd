// Changes laid over a built title index answer as a fresh build of the changed list would: the
// same list, the same hits in the same order, for prefixes, words, ids and typos.
import { describe, expect, it } from "vitest";
import { buildCatalogNow, OVERLAY_LIMIT, withChanges, type ArticleCatalog } from "../../../src/search/article-catalog.js";
import type { ArticleInfo } from "../../../src/types.js";
import { createRandom } from "../../../tools/seeded-random.js";

const WORDS = ["storm", "harbour", "election", "budget", "Côte", "museum", "railway", "strike", "oil", "council", "fire", "vote"];

function article(random: () => number, n: number): ArticleInfo {
  const words = Array.from({ length: 2 + Math.floor(random() * 4) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const day = 1 + Math.floor(random() * 28);
  return {
    id: `${words[0]!.toLowerCase()}/${n}`,
    // Unique titles: ties in list order are left to the sort, as in a full build.
    title: `${words.join(" ")} ${n}`,
    published: `2024-03-${String(day).padStart(2, "0")}`,
    paragraphs: 3,
  };
}

const QUERIES = ["", "s", "st", "storm", "harb", "oil 1", "vote fire", "côte", "cote", "council/", "storm/1", "railway 4", "zzz", "ha ele"];

function same(overlaid: ArticleCatalog, fresh: ArticleCatalog): void {
  expect(overlaid.list.map((a) => a.id)).toEqual(fresh.list.map((a) => a.id));
  for (const q of QUERIES) {
    for (const limit of [1, 5, 25]) {
      const hits = (c: ArticleCatalog) => c.titles.find(q, limit).map((h) => `${h.entry.id}:${h.entry.title}:${h.match}`);
      expect(hits(overlaid), `${q} (${limit})`).toEqual(hits(fresh));
    }
  }
}

describe("a catalog with changes laid over it", () => {
  it("finds what a full build of the changed list finds, change after change", () => {
    const random = createRandom(5);
    let next = 0;
    let articles = Array.from({ length: 400 }, () => article(random, next++));
    let catalog = buildCatalogNow(articles);
    for (let round = 0; round < 6; round++) {
      const removed = articles.filter(() => random() < 0.02).map((a) => a.id);
      const changed = articles
        .filter((a) => !removed.includes(a.id) && random() < 0.03)
        .map((a) => ({ ...article(random, next++), id: a.id }));
      const added = Array.from({ length: 1 + Math.floor(random() * 5) }, () => article(random, next++));
      const ids = new Set([...removed, ...changed.map((a) => a.id)]);
      articles = [...articles.filter((a) => !ids.has(a.id)), ...changed, ...added];
      const overlaid = withChanges(catalog, [...changed, ...added], removed)!;
      expect(overlaid.overlaid).toBeGreaterThan(0);
      same(overlaid, buildCatalogNow(articles));
      catalog = overlaid;
    }
  });

  it("asks for a full build when too much has changed", () => {
    const random = createRandom(7);
    const catalog = buildCatalogNow(Array.from({ length: 50 }, (_, i) => article(random, i)));
    const many = Array.from({ length: OVERLAY_LIMIT + 1 }, (_, i) => article(random, 1000 + i));
    expect(withChanges(catalog, many, [])).toBeUndefined();
    expect(withChanges(catalog, many.slice(0, 10), [])?.list.length).toBe(60);
  });
});
