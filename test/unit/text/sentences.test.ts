import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/text/index.js";

describe("splitSentences", () => {
  it("keeps abbreviations, initials and decimals inside sentences", () => {
    const text = "Mr. Smith met Gen. J. K. Lee at 5 p.m. in the U.S. yesterday. Growth was 3.5%. Why? Nobody knows.";
    expect(splitSentences(text).map((r) => text.slice(r.start, r.end))).toEqual([
      "Mr. Smith met Gen. J. K. Lee at 5 p.m. in the U.S. yesterday.",
      "Growth was 3.5%.",
      "Why?",
      "Nobody knows.",
    ]);
  });

  it("cuts only inside [from, to) and trims white space", () => {
    const text = "Skip this. Keep one.  Keep two. Skip too.";
    const from = text.indexOf("Keep one");
    const to = text.indexOf("Skip too");
    expect(splitSentences(text, from, to).map((r) => text.slice(r.start, r.end))).toEqual(["Keep one.", "Keep two."]);
  });
});
