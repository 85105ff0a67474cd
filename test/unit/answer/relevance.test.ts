import { describe, expect, it } from "vitest";
import { RELEVANCE_FEATURE_NAMES, relevanceFeatures, relevanceOf, type RelevanceWeights } from "../../../src/answer/relevance.js";
import { RELEVANCE_WEIGHTS } from "../../../src/answer/relevance-weights.js";

const idf = (t: string) => (t.length > 5 ? 4 : 2);
const sorted = (keys: Iterable<string>) => [...keys].sort();

/** Features of quoting the sentence `quote` of `passage`. */
function of(question: string, passage: string, quote: string) {
  const start = passage.indexOf(quote);
  return relevanceFeatures(question, passage, start, start + quote.length, idf);
}

const passage = "Marie Curie was a physicist. She was born in Warsaw in 1867. Her laboratory was in Paris.";

describe("relevance features", () => {
  it("say how much of the question the quote, the quote with the sentence before it and the passage hold", () => {
    const f = of("Where was Marie Curie born?", passage, "She was born in Warsaw in 1867.");
    // marie (2), curie (2), born (2): only "born" is in the quote, all three with the sentence before.
    expect(f.quoteCoverage).toBeCloseTo(1 / 3);
    expect(f.withPreviousCoverage).toBeCloseTo(1);
    expect(f.passageCoverage).toBeCloseTo(1);
    expect(f.termShare).toBeCloseTo(1 / 3);
    expect(f.quoteMissing).toBeCloseTo(1);
    expect(f.passageMissing).toBe(0);
    expect(f.terms).toBeCloseTo(0.3);
    expect(f.bias).toBe(1);
    expect(sorted(Object.keys(f))).toEqual(sorted(RELEVANCE_FEATURE_NAMES));
  });

  it("see the question's rarest word missing from the whole passage", () => {
    const f = of("Where was Marie Curie's daughter educated?", passage, "She was born in Warsaw in 1867.");
    expect(f.passageMissing).toBe(1);
    expect(f.passageCoverage).toBeLessThan(1);
  });

  it("see the question's names and numbers the passage lacks", () => {
    expect(of("Where was Marie Curie born?", passage, "She was born in Warsaw in 1867.").namesMissing).toBe(0);
    // "Pierre" and "1895" are missing, "Curie" is there.
    expect(of("Where did Pierre Curie work in 1895?", passage, "Her laboratory was in Paris.").namesMissing).toBeCloseTo(2 / 3);
    expect(of("where was she born?", passage, "She was born in Warsaw in 1867.").namesMissing).toBe(0);
  });

  it("count the question's neighbouring words the passage says together", () => {
    // Pairs of the terms marie, curie, born, paris (stop words left out): only "marie curie" is said together.
    expect(of("Was Marie Curie born in Paris?", passage, "Marie Curie was a physicist.").pairShare).toBeCloseTo(1 / 3);
    expect(of("Was Curie Marie?", passage, "Marie Curie was a physicist.").pairShare).toBe(0);
  });

  it("have no sentence before the first one", () => {
    const f = of("Was Marie Curie a physicist?", passage, "Marie Curie was a physicist.");
    expect(f.withPreviousCoverage).toBeCloseTo(f.quoteCoverage);
  });
});

describe("the relevance model", () => {
  it("the shipped weights name each feature once, each a finite number", () => {
    expect(sorted(Object.keys(RELEVANCE_WEIGHTS))).toEqual(sorted(RELEVANCE_FEATURE_NAMES));
    for (const n of RELEVANCE_FEATURE_NAMES) expect(Number.isFinite(RELEVANCE_WEIGHTS[n]), n).toBe(true);
  });

  it("is a probability that rises with a positive weight's feature", () => {
    const zero = Object.fromEntries(RELEVANCE_FEATURE_NAMES.map((n) => [n, 0])) as Record<keyof RelevanceWeights, number>;
    const f = of("Where was Marie Curie born?", "Marie Curie was born in Warsaw.", "Marie Curie was born in Warsaw.");
    expect(relevanceOf(zero, f)).toBe(0.5);
    const w = { ...zero, bias: -2, quoteCoverage: 4 };
    expect(relevanceOf(w, f)).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(relevanceOf(w, { ...f, quoteCoverage: 0 })).toBeLessThan(relevanceOf(w, f));
  });

  it("the shipped model rates a quote that says the question above one that says nothing of it", () => {
    const said = of("Where was Marie Curie born?", passage, "She was born in Warsaw in 1867.");
    const unrelated = of("Where was Marie Curie born?", "Tea prices rose in March. Exports fell.", "Tea prices rose in March.");
    expect(relevanceOf(RELEVANCE_WEIGHTS, said)).toBeGreaterThan(relevanceOf(RELEVANCE_WEIGHTS, unrelated));
  });
});
