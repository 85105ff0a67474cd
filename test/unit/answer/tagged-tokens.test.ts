import { describe, expect, it } from "vitest";
import { candidateSpans } from "../../../src/answer/candidates.js";
import { taggerText, tagTokens } from "../../../src/answer/tagged-tokens.js";

const spansOf = (text: string, kinds: readonly string[]) => {
  const tokens = tagTokens(text);
  return candidateSpans(tokens)
    .filter((c) => kinds.includes(c.kind))
    .map((c) => text.slice(tokens[c.first]!.start, tokens[c.last]!.end));
};

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

  it("keeps a name with letters beyond Latin-1 one proper noun, in the text's own letters", () => {
    const text = "Underground leader Piłsudski met Erdoğan in Kraków.";
    const tokens = tagTokens(text);
    for (const name of ["Piłsudski", "Erdoğan", "Kraków"]) expect(tokens.find((t) => t.text === name)?.pos).toBe("PROPN");
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("reads other scripts and astral characters without moving any offset", () => {
    const text = "Никола Тесла 🎉 was born in 1856.";
    expect(taggerText(text)).toHaveLength(text.length);
    for (const t of tagTokens(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tagTokens(text).map((t) => t.text)).toContain("1856");
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
    ["The new player can hold 6GB of music.", "6GB"],
    ["The car reached 65mph on the track.", "65mph"],
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

describe("dates and number pairs", () => {
  it("make the year of a longer date a candidate of its own", () => {
    const found = spansOf("In June 1884, he relocated to New York City.", ["time"]);
    expect(found).toContain("June 1884");
    expect(found).toContain("1884");
  });

  it("make each side of a span of dates a candidate of its own", () => {
    const found = spansOf("Nikola Tesla (10 July 1856 – 7 January 1943) was an inventor.", ["time"]);
    expect(found).toEqual(expect.arrayContaining(["10 July 1856", "7 January 1943", "1856", "1943"]));
  });

  it("take a score or a range joined by a dash as one amount", () => {
    expect(spansOf("The Panthers then beat the Cardinals, 49–15, in the final.", ["number"])).toContain("49–15");
    expect(spansOf("The theatre ran from 1870–1939 in the garden.", ["time"])).toContain("1870–1939");
  });

  it("do not join numbers that stand apart", () => {
    expect(spansOf("They won 49 - 15 times.", ["number"])).not.toContain("49 - 15");
  });
});
