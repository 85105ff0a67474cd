import { describe, expect, it } from "vitest";
import { buildArticle } from "../../../src/knowledge/build-article.js";
import { collectCandidates } from "../../../src/answer/collect-candidates.js";
import { SPAN_FEATURE_NAMES } from "../../../src/answer/span-feature-names.js";
import { SPAN_WEIGHTS } from "../../../src/answer/span-weights.js";
import { retrieve } from "../../../src/retrieval/retrieve.js";
import { indexArticles } from "../../../src/search/memory-index.js";

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe("span weights and span features", () => {
  it("name each feature once", () => {
    expect(new Set(SPAN_FEATURE_NAMES).size).toBe(SPAN_FEATURE_NAMES.length);
  });

  it("the trained weights have exactly the feature names, each a finite number", () => {
    expect(sorted(Object.keys(SPAN_WEIGHTS))).toEqual(sorted(SPAN_FEATURE_NAMES));
    for (const name of SPAN_FEATURE_NAMES) expect(Number.isFinite(SPAN_WEIGHTS[name]), name).toBe(true);
  });

  it("every candidate of a real question carries the same names, each a finite number", async () => {
    const body =
      "The Eiffel Tower was completed in 1889 by Gustave Eiffel's company (in Paris). It cost 7.8 million francs, about 40 percent over budget.";
    const article = buildArticle("news/tower.md", new TextEncoder().encode(`# The tower\n\n${body}\n`), (b) => b);
    const { search: index } = await indexArticles([article]);
    const question = "When was the Eiffel Tower completed?";
    const candidates = collectCandidates(question, retrieve(index, question, { k: 3 }), {
      idf: (t) => index.idf(t),
      passages: 3,
      sentences: 5,
    });
    expect(candidates.length).toBeGreaterThan(3);
    for (const c of candidates) {
      expect(sorted(Object.keys(c.features))).toEqual(sorted(SPAN_FEATURE_NAMES));
      for (const name of SPAN_FEATURE_NAMES) expect(Number.isFinite(c.features[name]), name).toBe(true);
    }
  });

  it("the listwise features say where a candidate stands: sentence rank, length prior by question type, clause breaks", async () => {
    const body =
      "The Eiffel Tower was completed in 1889 by a company of engineers. The tower cost 7.8 million francs, about 40 percent over budget.";
    const article = buildArticle("news/tower.md", new TextEncoder().encode(`# The tower\n\n${body}\n`), (b) => b);
    const { search: index } = await indexArticles([article]);
    const question = "When was the Eiffel Tower completed?";
    const hits = retrieve(index, question, { k: 3 });
    const candidates = collectCandidates(question, hits, { idf: (t) => index.idf(t), passages: 3, sentences: 5 });
    const text = (c: (typeof candidates)[number]) => hits[0]!.passage.text.slice(c.start, c.end);
    const year = candidates.find((c) => text(c) === "1889")!;
    expect(year.features.bestSentence).toBe(1);
    expect(year.features.sentenceRank).toBe(0);
    expect(year.features.length_if_time).toBeCloseTo(0.1);
    expect(year.features.length_if_thing).toBe(0);
    expect(year.features.afterAllMatches).toBe(1);
    expect(year.features.containsQuestionWord).toBe(0);
    const cost = candidates.find((c) => text(c).startsWith("40"))!;
    expect(cost.features.bestSentence).toBe(0);
    expect(cost.features.sentenceRank).toBeGreaterThan(0);
  });
});
