import { describe, expect, it } from "vitest";
import { CONFIDENCE_WEIGHTS } from "../../../src/answer/confidence-weights.js";
import {
  CONFIDENCE_FEATURE_NAMES,
  agreementKey,
  confidenceFeatures,
  confidenceOf,
  type RankedCandidate,
} from "../../../src/answer/span-confidence.js";

const candidate = (p: number, key: string, coverage = 0.5, firstPassage = true): RankedCandidate => ({ p, key, coverage, firstPassage });

describe("span confidence features", () => {
  it("add up the probability of every candidate with the same words", () => {
    const [a, b, c] = confidenceFeatures([candidate(0.4, "paris"), candidate(0.35, "lyon"), candidate(0.25, "paris")]);
    expect(Math.exp(a!.logAgreement)).toBeCloseTo(0.65);
    expect(Math.exp(b!.logAgreement)).toBeCloseTo(0.35);
    expect(c!.logAgreement).toBeCloseTo(a!.logAgreement);
  });

  it("give each candidate its margin over the best other one", () => {
    const [a, b] = confidenceFeatures([candidate(0.6, "x"), candidate(0.3, "y"), candidate(0.1, "z")]);
    expect(a!.margin).toBeCloseTo(0.3);
    expect(b!.margin).toBeCloseTo(-0.3);
  });

  it("carry the former score, coverage times the root of the probability, and where the span stands", () => {
    const [a] = confidenceFeatures([candidate(0.25, "x", 0.8, false)]);
    expect(a!.coverageTimesRoot).toBeCloseTo(0.4);
    expect(a!.firstPassage).toBe(0);
    expect(a!.logCandidates).toBe(0);
    expect(Object.keys(a!).sort()).toEqual([...CONFIDENCE_FEATURE_NAMES].sort());
  });

  it("compare spans by their words, whatever the case, punctuation and articles", () => {
    expect(agreementKey("The Eiffel Tower.")).toBe(agreementKey("eiffel tower"));
    expect(agreementKey("$1.2bn")).toBe("1 2bn");
    expect(agreementKey("Paris")).not.toBe(agreementKey("Lyon"));
  });
});

describe("the shipped confidence model", () => {
  it("names each feature once, each a finite number", () => {
    expect(Object.keys(CONFIDENCE_WEIGHTS).sort()).toEqual([...CONFIDENCE_FEATURE_NAMES].sort());
    for (const n of CONFIDENCE_FEATURE_NAMES) expect(Number.isFinite(CONFIDENCE_WEIGHTS[n]), n).toBe(true);
  });

  it("is surer of a span the other candidates agree with than of the same span standing alone", () => {
    const agreed = confidenceFeatures([candidate(0.4, "paris"), candidate(0.3, "lyon"), candidate(0.3, "paris")])[0]!;
    const alone = confidenceFeatures([candidate(0.4, "paris"), candidate(0.3, "lyon"), candidate(0.3, "nice")])[0]!;
    expect(confidenceOf(CONFIDENCE_WEIGHTS, agreed)).toBeGreaterThan(confidenceOf(CONFIDENCE_WEIGHTS, alone));
    expect(confidenceOf(CONFIDENCE_WEIGHTS, agreed)).toBeLessThan(1);
    expect(confidenceOf(CONFIDENCE_WEIGHTS, alone)).toBeGreaterThan(0);
  });
});
