import { describe, expect, it } from "vitest";
import { questionView, rankSentences } from "../../../src/answer/rank-sentences.js";
import { SENTENCE_FEATURE_NAMES, type SentenceWeights } from "../../../src/answer/sentence-feature-names.js";
import { sentenceFeatures, type SentenceView } from "../../../src/answer/sentence-features.js";
import { SENTENCE_WEIGHTS } from "../../../src/answer/sentence-weights.js";
import { tagTokens } from "../../../src/answer/tagged-tokens.js";
import { searchTerms } from "../../../src/text/index.js";
import type { Passage, ScoredPassage } from "../../../src/types.js";

const sorted = (keys: Iterable<string>) => [...keys].sort();
const idf = (t: string) => (t.length > 5 ? 4 : 2);

/** The sentences of one passage as the ranker sees them. */
function views(sentences: string[], passageRank = 0): SentenceView[] {
  const terms = sentences.map((s) => searchTerms(s));
  return sentences.map((text, index) => {
    const tokens = tagTokens(text);
    return {
      text,
      terms: terms[index]!,
      tokens,
      tokenTerms: tokens.map((t) => searchTerms(t.text)[0]),
      passageRank,
      passageWeight: 1,
      index,
      count: sentences.length,
      previousTerms: terms[index - 1],
      nextTerms: terms[index + 1],
    };
  });
}

function hit(id: string, text: string, score = 1): ScoredPassage {
  const passage: Passage = { id, articleId: `news/${id}`, title: id, paragraph: 0, text } as Passage;
  return { passage, score };
}

describe("sentence features", () => {
  it("name each feature once, and the shipped weights have exactly those names, each finite", () => {
    expect(new Set(SENTENCE_FEATURE_NAMES).size).toBe(SENTENCE_FEATURE_NAMES.length);
    expect(sorted(Object.keys(SENTENCE_WEIGHTS))).toEqual(sorted(SENTENCE_FEATURE_NAMES));
    for (const n of SENTENCE_FEATURE_NAMES) expect(Number.isFinite(SENTENCE_WEIGHTS[n]), n).toBe(true);
  });

  it("count the question's bigrams and trigrams in order, and compare coverage with the list's best", () => {
    const q = questionView("When did the Denver Broncos win the Super Bowl?", idf);
    const [ordered, scrambled] = sentenceFeatures(
      q,
      views(["The Denver Broncos win the Super Bowl in 2016.", "Bowl games in Denver: the Super Broncos win."]),
    );
    expect(ordered!.bigramShare).toBeGreaterThan(scrambled!.bigramShare);
    expect(ordered!.trigramShare).toBeGreaterThan(0);
    expect(scrambled!.trigramShare).toBe(0);
    expect(ordered!.bestCoverage).toBe(1);
    expect(ordered!.coverageGap).toBe(0);
    expect(ordered!.coverage).toBeCloseTo(1);
    for (const f of [ordered!, scrambled!]) expect(sorted(Object.keys(f))).toEqual(sorted(SENTENCE_FEATURE_NAMES));
  });

  it("see a candidate of the asked type outside the question's words, under the question's type only", () => {
    const q = questionView("When did the Denver Broncos win the Super Bowl?", idf);
    const [dated, undated] = sentenceFeatures(
      q,
      views(["The Denver Broncos won the Super Bowl in February 2016.", "The Denver Broncos won the Super Bowl with a strong defence."]),
    );
    expect(dated!.unmatchedTyped).toBe(1);
    expect(dated!.typed_for_time).toBe(1);
    expect(dated!.typed_for_person).toBe(0);
    expect(undated!.typed_for_time).toBe(0);
    expect(dated!.coverage_if_time).toBeCloseTo(dated!.coverage);
    expect(dated!.coverage_if_place).toBe(0);
  });

  it("credit a sentence whose neighbour says the rest of the question (a pronoun's antecedent)", () => {
    const q = questionView("Where was Marie Curie born?", idf);
    const [first, second, third] = sentenceFeatures(
      q,
      views(["Marie Curie was a physicist and chemist.", "She was born in Warsaw in 1867.", "Warsaw was then part of Russia."]),
    );
    expect(second!.unionPrevious).toBeGreaterThan(0);
    expect(first!.unionPrevious).toBe(0);
    expect(first!.unionNext).toBeGreaterThan(0);
    expect(first!.firstInPassage).toBe(1);
    expect(third!.lastInPassage).toBe(1);
    expect(second!.position).toBeCloseTo(0.5);
  });

  it("rate question words standing close together above the same words spread out", () => {
    const q = questionView("Who founded the Acme rocket company?", idf);
    const [close, spread] = sentenceFeatures(
      q,
      views([
        "Jane Doe founded the Acme rocket company in 1990.",
        "Acme, said Jane Doe, who once founded a bakery and later sold rocket parts, is a company.",
      ]),
    );
    expect(close!.matchDensity).toBeGreaterThan(spread!.matchDensity);
  });
});

describe("the sentence ranker", () => {
  it("gives every sentence of the read passages a probability, best first, summing to one", () => {
    const hits = [
      hit("a", "The Broncos won the Super Bowl in 2016. The game was played in California. Tickets were expensive."),
      hit("b", "The Panthers lost. Their coach said little.", 0.5),
    ];
    const ranked = rankSentences("When did the Broncos win the Super Bowl?", hits, { idf, passages: 3 });
    expect(ranked).toHaveLength(5);
    expect(ranked.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.logit).toBeGreaterThanOrEqual(ranked[i]!.logit);
    expect(ranked[0]!.text).toBe("The Broncos won the Super Bowl in 2016.");
    expect(hits[0]!.passage.text.slice(ranked[0]!.start, ranked[0]!.end)).toBe(ranked[0]!.text);
  });

  it("reads only the first `passages` passages, and follows the weights it is given", () => {
    const hits = [hit("a", "Paris is large. It rains in Paris."), hit("b", "Paris has a tower.")];
    expect(rankSentences("Is Paris large?", hits, { idf, passages: 1 }).map((r) => r.passageId)).toEqual(["a", "a"]);
    const zero = Object.fromEntries(SENTENCE_FEATURE_NAMES.map((n) => [n, 0])) as Record<keyof SentenceWeights, number>;
    const late = rankSentences("Is Paris large?", hits, { idf, passages: 2, weights: { ...zero, position: 5 } });
    expect(late[0]!.text).toBe("It rains in Paris.");
  });

  it("has nothing to rank for a question of stop words only, or without passages", () => {
    expect(rankSentences("What is it?", [hit("a", "It is.")], { idf, passages: 3 })).toEqual([]);
    expect(rankSentences("Where is Paris?", [], { idf, passages: 3 })).toEqual([]);
  });
});
