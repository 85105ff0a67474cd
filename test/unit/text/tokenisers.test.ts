import { describe, expect, it } from "vitest";
import { searchTermCounts, searchTerms, searchWords, summaryTerms, summaryWords } from "../../../src/text/index.js";

describe("searchTerms (BM25 and retrieval)", () => {
  it("lower-cases, folds accents, drops stop words and stems", () => {
    expect(searchTerms("The Ministers visited Zürich's banks")).toEqual(["minist", "visit", "zurich", "bank"]);
  });

  it("drops question words and keeps numbers as written", () => {
    expect(searchTerms("When did 1990s sales rise?")).toEqual(["1990s", "sale", "rise"]);
  });

  it("ties an irregular past to its base form, and leaves words that are as often something else", () => {
    expect(searchTerms("When did Denver win? Denver won.")).toEqual(["denver", "win", "denver", "win"]);
    expect(searchTerms("They held talks and hold more")).toEqual(searchTerms("They hold talks and hold more"));
    expect(searchTerms("the left bank")).toEqual(["left", "bank"]);
    expect(searchTerms("When did he die? He died in 1943.")).toEqual(["die", "die", "1943"]);
  });

  it("counts repeated terms", () => {
    expect(searchTermCounts("Rates of interest and rates of growth.")).toEqual(
      new Map([
        ["rate", 2],
        ["interest", 1],
        ["growth", 1],
      ]),
    );
  });

  it("splits words at apostrophes and dots", () => {
    expect(searchWords("Don't pay 3.5%")).toEqual(["don", "t", "pay", "3", "5"]);
  });
});

describe("summaryTerms (summaries)", () => {
  it("stems inflected forms and drops stop words", () => {
    expect(summaryTerms("The visits were visited by the visitor's visiting team")).toEqual(summaryTerms("visit visit visitor visit team"));
    expect(summaryTerms("the of and it was")).toEqual([]);
  });

  it("keeps apostrophes and inner dots inside words, without folding accents", () => {
    expect(summaryWords("Don’t pay 3.5% in Zürich")).toEqual(["don't", "pay", "3.5", "in", "zürich"]);
  });

  it("drops words the search list keeps (reporting verbs, one-letter words)", () => {
    expect(summaryTerms("He said a new plan")).toEqual(["plan"]);
    expect(searchTerms("He said a new plan")).toEqual(["sai", "new", "plan"]);
  });
});
