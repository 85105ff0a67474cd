import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SEED_GLUE } from "../../../../tools/eval/repair.js";
import { repairText, repairTextWithStats } from "../../../../src/knowledge/repair/index.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

function seedArticle(): string {
  const shared = `${root}../shared/seed-article.txt`;
  if (existsSync(shared)) return readFileSync(shared, "utf8");
  // The repo ships the same body as a markdown article with front matter.
  return readFileSync(`${root}knowledge/haftar-visits-ghq.md`, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
}

describe("repairText splits glued words", () => {
  it.each([
    ["lower→upper inside a token", "the Chief of ArmyStaff arrived", "the Chief of Army Staff arrived"],
    ["lower-case word before a name", "relations asPakistan grew", "relations as Pakistan grew"],
    ["glued name with possessive", "Asim Munir met Saddam Haftar. AsimMunir’s visit", "Asim Munir met Saddam Haftar. Asim Munir’s visit"],
    ["digit→letter", "since the 2011upheaval.", "since the 2011 upheaval."],
    [
      "before a hyphenated compound",
      "underscoring deepeningmilitary-to-military relations",
      "underscoring deepening military-to-military relations",
    ],
    ["camel case before a hyphen", "accompanied by DeputyCommander-in-Chief Saddam", "accompanied by Deputy Commander-in-Chief Saddam"],
    ["after a hyphenated compound", "pave the way for follow-upmechanisms, including", "pave the way for follow-up mechanisms, including"],
    ["function word glued to a word", "outreach tostabilise defence", "outreach to stabilise defence"],
    ["word glued to a function word", "welcomed the guests warmlyand reaffirmed", "welcomed the guests warmly and reaffirmed"],
    ["two long content words", "on regional securityenvironments today", "on regional security environments today"],
    ["an article glued to its noun", "positioning it as adependable partner", "positioning it as a dependable partner"],
    ["listed junk of two closed-class words", "markets inthe Middle East", "markets in the Middle East"],
    ["missing space after a comma", "armed forces,renowned for", "armed forces, renowned for"],
    ["a sentence end glued to the next", "He said.There was more.", "He said. There was more."],
    [
      "an opening quote glued on",
      'in her ruling."Such things." They were"generally" fine',
      'in her ruling. "Such things." They were "generally" fine',
    ],
    ["a closing quote glued on", '"It is fine,"chairman Bob said."Next', '"It is fine," chairman Bob said. "Next'],
    ["a bracket and a possessive", "the Commission(SEC) and Europe'sbiggest firm", "the Commission (SEC) and Europe's biggest firm"],
    ["a contraction", "they'veinvested in analysts'expectations", "they've invested in analysts' expectations"],
    ["a word glued to an amount", "shares at$500m, up was1.6%, from£194m", "shares at $500m, up was 1.6%, from £194m"],
    ["an amount glued to a word", "189,000last year, 0.4%reported and 380meuros.", "189,000 last year, 0.4% reported and 380m euros."],
    ["an acronym and a word", "intoAOL and theUS, UScompanies and GEand", "into AOL and the US, US companies and GE and"],
    ["a title and a name", "said MrLearmount today", "said Mr Learmount today"],
    ["two common words in a long token", "the pricegrowth slowed", "the price growth slowed"],
  ])("%s", (_name, input, expected) => {
    expect(repairText(input)).toBe(expected);
  });
});

describe("repairText leaves good text alone", () => {
  it.each([
    ["brands in camel case", "He bought an iPod, a PlayStation and a GameCube on eBay via MySpace."],
    ["camel-case surnames", "McCartney, DiCaprio, MacArthur and McDonald's were there."],
    ["numbers with units", "Profits rose 3.5% to £5bn, or $10m, from 1,000 shops in the 1990s."],
    ["units and model names", "An mp3 player at 10mph, 5in wide, 2mbps, the 19th, Series116i, 4Cast and 3Com."],
    ["acronym plurals and brands", "MPs and PCs, TVs, DJing, JPMorgan, BSkyB, phpBB and player(s)."],
    ["dotted names", "One.Tel, Halo.Bungie.Org, U.S.Army and No.10 stayed."],
    ["URLs and e-mail", "See www.bbc.co.uk/news or write to news@example.com today."],
    ["abbreviations", "The U.S. and U.K. met the UN, e.g. at NATO HQ, at 9 a.m."],
    ["hyphenated words", "A state-of-the-art, co-operation and re-election e-mail."],
    ["names that look like two words", "Oliver Letwin met Castrogiovanni and Winterbottom in Sittingbourne."],
    ["solid compounds", "The lineout led a fightback after the buyback and the knockback."],
    ["words from British spelling", "They emphasised the programmes to modernise defence."],
    ["contractions and apostrophes", "It's O'Neill's rock'n'roll, don't you think?"],
  ])("%s", (_name, input) => {
    expect(repairText(input)).toBe(input);
  });
});

describe("repairText on a whole body", () => {
  it("returns empty text for empty input", () => {
    expect(repairText("")).toBe("");
    expect(repairTextWithStats("").stats).toEqual({ splits: 0, debrisLines: 0 });
  });

  it("keeps the paragraph structure, blank lines included", () => {
    const body = "First paragraph tostabilise things.\n\nSecond one is fine.\n";
    expect(repairText(body)).toBe("First paragraph to stabilise things.\n\nSecond one is fine.\n");
  });

  it("repairs the seed article's glued words", () => {
    const repaired = repairText(seedArticle());
    const fixed = SEED_GLUE.filter(([glued, good]) => repaired.includes(good) && !repaired.includes(glued));
    expect(fixed.length).toBeGreaterThanOrEqual(60);
    for (const [glued, good] of [
      ["deepeningmilitary-to-military", "deepening military-to-military"],
      ["ArmyStaff", "Army Staff"],
      ["GeneralHeadquarters", "General Headquarters"],
      ["tostabilise", "to stabilise"],
      ["2011upheaval", "2011 upheaval"],
      ["DeputyCommander-in-Chief", "Deputy Commander-in-Chief"],
      ["warmlyand", "warmly and"],
      ["AsimMunir’s", "Asim Munir’s"],
      ["SaddamHaftar’s", "Saddam Haftar’s"],
    ]) {
      expect(repaired).toContain(good);
      expect(repaired).not.toContain(glued);
    }
  });

  it("drops the seed article's trailing caption and metadata", () => {
    const { text, stats } = repairTextWithStats(seedArticle());
    expect(text).not.toContain("ogimage");
    expect(text).not.toMatch(/^Arab Armed Forces, General Headquarters$/m);
    expect(stats.debrisLines).toBe(2);
    expect(text.trimEnd().endsWith("shared strategic priorities.")).toBe(true);
  });

  it("is idempotent", () => {
    const once = repairText(seedArticle());
    expect(repairText(once)).toBe(once);
  });

  it("counts the spaces it inserts", () => {
    expect(repairTextWithStats("warmlyand tostabilise forces,renowned").stats.splits).toBe(3);
  });

  it("leaves a repeated camel-case word alone: brands repeat, glue does not", () => {
    const body = "StreamCast won. Critics of StreamCast disagreed.";
    expect(repairText(body)).toBe(body);
    expect(repairText("StreamCast won.")).toBe("Stream Cast won.");
  });
});
