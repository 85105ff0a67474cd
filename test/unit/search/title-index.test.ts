import { describe, expect, it } from "vitest";
import { buildTitleIndex, buildTitleIndexInSteps } from "../../../src/search/title-index.js";

// Given newest first: the order breaks ties within a kind of match.
const articles = [
  { id: "world/libya-oil", title: "Libya's oil output recovers" },
  { id: "world/haftar", title: "Munir Haftar speaks" },
  { id: "business/017", title: "Ad sales boost Time Warner profit" },
  { id: "sport/cote", title: "Côte d'Ivoire win the cup" },
  { id: "tech/oil-ai", title: "Boiling point: AI and oil" },
  { id: "business/0170", title: "Timeless watches sell well" },
  { id: "politics/strasse", title: "Straße der Einheit renamed" },
  { id: "markets/042", title: "Markets in turmoil" },
];
const index = buildTitleIndex(articles);
const ids = (query: string, limit = 10) => index.find(query, limit).map((h) => h.entry.id);
const kinds = (query: string, limit = 10) => index.find(query, limit).map((h) => `${h.entry.id}:${h.match}`);

describe("title index", () => {
  it.each([
    ["a title prefix", "munir h", ["world/haftar"]],
    ["an id prefix", "business/01", ["business/017", "business/0170"]],
    ["a word prefix anywhere in the title", "warn", ["business/017"]],
    ["several word prefixes in any order", "haft mun", ["world/haftar"]],
    ["accents and case ignored both ways", "COTE D'IV", ["sport/cote"]],
    ["a typed accent matches a plain title", "libyá", ["world/libya-oil"]],
    ["ß typed as ss", "strasse", ["politics/strasse"]],
    ["apostrophes dropped", "libyas oil", ["world/libya-oil"]],
    ["an id word", "haftar", ["world/haftar"]],
    ["nothing for an unknown word", "zebra", []],
  ])("finds %s", (_, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it("ranks an exact id, then a title prefix, then a word prefix, then a substring", () => {
    expect(kinds("business/017")).toEqual(["business/017:id", "business/0170:prefix"]);
    expect(kinds("time")).toEqual(["business/0170:prefix", "business/017:word-prefix"]);
    expect(kinds("oil")).toEqual(["world/libya-oil:word-prefix", "tech/oil-ai:word-prefix", "markets/042:substring"]);
  });

  it("names an exact title as such", () => {
    expect(kinds("munir haftar speaks")).toEqual(["world/haftar:title"]);
  });

  it("breaks ties by the order the entries were given", () => {
    const shuffled = buildTitleIndex([...articles].reverse());
    expect(shuffled.find("oil", 10).map((h) => h.entry.id)).toEqual(["tech/oil-ai", "world/libya-oil", "markets/042"]);
  });

  it("keeps to the limit, taking the best first", () => {
    expect(ids("oil", 2)).toEqual(["world/libya-oil", "tech/oil-ai"]);
    expect(ids("oil", 0)).toEqual([]);
    expect(ids("", 3)).toEqual(["world/libya-oil", "world/haftar", "business/017"]);
    expect(index.find("  ", 1)[0]!.match).toBe("all");
  });

  it("answers from an empty list", () => {
    expect(buildTitleIndex([]).find("anything", 5)).toEqual([]);
  });

  it("finds the best of many matches by order, not by where they sort", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `n/${String(i).padStart(5, "0")}`, title: `Zeta report ${4999 - i}` }));
    const big = buildTitleIndex(many);
    expect(big.find("zeta", 3).map((h) => h.entry.id)).toEqual(["n/00000", "n/00001", "n/00002"]);
    expect(big.find("report 49", 2).map((h) => h.entry.title)).toEqual(["Zeta report 4999", "Zeta report 4998"]);
    expect(big.find("99", 2).map((h) => h.match)).toEqual(["word-prefix", "word-prefix"]);
  });

  it("builds the same index in steps, pausing between them", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `n/${i}`, title: `Report number ${i} on ${i % 2 ? "oil" : "gas"}` }));
    let pauses = 0;
    const stepped = await buildTitleIndexInSteps(many, async () => void pauses++);
    expect(pauses).toBeGreaterThan(2);
    const whole = buildTitleIndex(many);
    for (const q of ["report 12", "oil", "n/99", "ber 7", ""]) expect(stepped.find(q, 25)).toEqual(whole.find(q, 25));
  });
});
