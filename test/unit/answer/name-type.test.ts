import { describe, expect, it } from "vitest";
import { candidateSpans } from "../../../src/answer/candidates.js";
import { tagTokens } from "../../../src/answer/tagged-tokens.js";

/** The typed name candidates of a sentence, as "text:kind". */
function names(sentence: string): string[] {
  const tokens = tagTokens(sentence);
  return candidateSpans(tokens)
    .filter((c) => c.kind !== "noun")
    .map((c) => `${sentence.slice(tokens[c.first]!.start, tokens[c.last]!.end)}:${c.kind}`);
}

describe("typed name candidates", () => {
  it("a rank or title directly before a name belongs to the person's span", () => {
    const found = names("Vice Admiral Tomas Okafor greeted Brigadier General Maria Lindqvist at the harbour.");
    expect(found).toContain("Vice Admiral Tomas Okafor:person");
    expect(found).toContain("Brigadier General Maria Lindqvist:person");
  });

  it("a title at the start of a sentence starts the name", () => {
    expect(names("Colonel Peter Vance inspected the troops.")).toContain("Colonel Peter Vance:person");
  });

  it("titles with no name, or titles of something, are a role, not a person", () => {
    expect(names("He was named Commander-in-Chief of the Northern Fleet last year.")).toContain(
      "Commander-in-Chief of the Northern Fleet:role",
    );
  });

  it("places by the lists and by their head word", () => {
    const found = names("The plane landed at Westfield Airbase near Rawalpindi, far from Uganda.");
    expect(found).toContain("Westfield Airbase:place");
    expect(found).toContain("Rawalpindi:place");
    expect(found).toContain("Uganda:place");
  });

  it("a place's head word wins over a rank before it", () => {
    expect(names("The envoys met at the General Headquarters in Lahore.")).toContain("General Headquarters:place");
  });

  it("organisations by their head word, even with a place inside", () => {
    expect(names("She studied at the University of Chicago.")).toContain("University of Chicago:org");
  });

  it("two names joined by 'and' are candidates on their own too", () => {
    const found = names("The deal was signed by Anna Berg and the Bank of England.");
    expect(found).toContain("Anna Berg:person");
    expect(found).toContain("Bank of England:org");
  });

  it("'in' joins a name only inside a hyphenated title", () => {
    const found = names("The talks took place at Harbour Square in Lisbon.");
    expect(found).toContain("Harbour Square:place");
    expect(found).toContain("Lisbon:place");
    expect(found.some((f) => f.startsWith("Harbour Square in"))).toBe(false);
  });

  it("days and months are times, not names", () => {
    const found = names("They met on Tuesday in March.");
    expect(found.filter((f) => f.endsWith(":time")).length).toBeGreaterThan(0);
    expect(found.some((f) => /^(Tuesday|March):(person|place|org|proper)$/.test(f))).toBe(false);
  });
});

describe("amount candidates", () => {
  /** The amount candidates of a sentence, as "text:kind". */
  function amounts(sentence: string): string[] {
    const tokens = tagTokens(sentence);
    return candidateSpans(tokens)
      .filter((c) => c.kind === "money" || c.kind === "number")
      .map((c) => `${sentence.slice(tokens[c.first]!.start, tokens[c.last]!.end)}:${c.kind}`);
  }

  it("a scale suffix glued to the number belongs to the amount", () => {
    const found = amounts("Profits rose to $1.13bn from $639m, while sales in Britain reached £600m last year.");
    expect(found).toContain("$1.13bn:money");
    expect(found).toContain("$639m:money");
    expect(found).toContain("£600m:money");
  });

  it("a scale word after the number belongs to it; a lone letter after a space does not", () => {
    const found = amounts("The fund paid $3 billion to 40 m members.");
    expect(found).toContain("$3 billion:money");
    expect(found).toContain("40:number");
  });
});
