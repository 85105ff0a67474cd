import { describe, expect, it } from "vitest";
import { candidateSpans } from "../../../src/answer/candidates.js";
import { tagTokens } from "../../../src/answer/tagged-tokens.js";

const amounts = (text: string) => {
  const tokens = tagTokens(text);
  return candidateSpans(tokens)
    .filter((c) => c.kind === "money" || c.kind === "number")
    .map((c) => text.slice(tokens[c.first]!.start, tokens[c.last]!.end));
};

describe("tagTokens", () => {
  it("gives every token its exact place in the text", () => {
    const text = "The firm lost £600m. It sold 3bn shares in 2024.";
    for (const t of tagTokens(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("keeps a sentence's full stop apart from a scale glued to a number", () => {
    const tokens = tagTokens("The firm lost £600m. Then it rested.").map((t) => t.text);
    expect(tokens.slice(3, 7)).toEqual(["£", "600", "m", "."]);
  });

  it("leaves abbreviations that are not scales after numbers alone", () => {
    expect(tagTokens("He lives in the U.S. now.").map((t) => t.text)).toContain("U.S.");
  });
});

describe("amount candidates", () => {
  it.each([
    ["The firm lost £600m. Its rival gained.", "£600m"],
    ["The firm lost £600m in a year.", "£600m"],
    ["Sales reached $1.2bn. Profits fell.", "$1.2bn"],
  ])("%s → %s", (text, amount) => {
    expect(amounts(text)).toContain(amount);
  });
});

describe("hyphenated compounds of a number and a unit", () => {
  it("make the number the amount, not the unit the tagger calls a duration", () => {
    const found = amounts("He believes it is a chance for the 26-year-old to prove himself.");
    expect(found).toContain("26");
    expect(found).not.toContain("year");
  });

  it("leave a duration with its own number whole", () => {
    expect(amounts("The talks lasted for six months in all.")).toContain("six months");
  });
});
