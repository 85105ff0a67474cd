import { describe, expect, it } from "vitest";
import { createLexicon, segment } from "../../../../src/knowledge/repair/index.js";

// A tiny hand-made lexicon: costs are -ln(count / total).
const lexicon = createLexicon([
  { word: "the", count: 1000 },
  { word: "to", count: 800 },
  { word: "and", count: 700 },
  { word: "warmly", count: 5 },
  { word: "warm", count: 20 },
  { word: "stabilise", count: 3 },
  { word: "sides", count: 10 },
  { word: "side", count: 30 },
  { word: "exchanged", count: 4 },
  { word: "ly", count: 1 },
]);

describe("createLexicon", () => {
  it("gives common words lower costs and unknown words Infinity", () => {
    expect(lexicon.cost("the")).toBeLessThan(lexicon.cost("warmly"));
    expect(lexicon.cost("haftar")).toBe(Infinity);
  });

  it("merges a ranked list, keeping the cheaper cost", () => {
    const merged = createLexicon([{ word: "the", count: 10 }], ["pakistan", "the"]);
    expect(merged.cost("pakistan")).toBeLessThan(Infinity);
    expect(merged.cost("pakistan")).toBeLessThan(merged.cost("the"));
  });
});

describe("segment", () => {
  it.each([
    ["tostabilise", ["to", "stabilise"]],
    ["warmlyand", ["warmly", "and"]],
    ["sidesexchanged", ["sides", "exchanged"]],
  ])("splits %s", (text, pieces) => {
    expect(segment(lexicon, text)?.pieces).toEqual(pieces);
  });

  it("returns null when no split into listed words exists", () => {
    expect(segment(lexicon, "haftar")).toBeNull();
  });

  it("never proposes the word whole, nor a two-letter piece outside the short-word set", () => {
    expect(segment(lexicon, "warmly")).toBeNull();
  });

  it("respects the piece limit", () => {
    expect(segment(lexicon, "tothewarmly", 2)).toBeNull();
    expect(segment(lexicon, "tothewarmly", 3)?.pieces).toEqual(["to", "the", "warmly"]);
  });
});
