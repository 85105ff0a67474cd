import { describe, expect, it } from "vitest";
import { debrisLines, isDebrisLine, repairText } from "../../../../src/knowledge/repair/index.js";

const prose = "The minister said on Monday that the talks had gone well and that both sides would meet again in the spring.";

describe("isDebrisLine", () => {
  it.each([
    ["ogimageimage-name", true],
    ["og:image", true],
    ["https://example.com/story.jpg", true],
    ["Share this article", true],
    ["We use cookies to improve your experience", true],
    ["Advertisement", true],
    ["Read more", true],
    ["Also read: Pakistan army chief visits China", true],
    ["Related Topics", true],
    ["Image caption: The minister at the summit", true],
    ["(Photo: AFP)", true],
    ["Getty Images", true],
    ["Published: 12 March 2021", true],
    ["Story continues below advertisement", true],
    ["hero-image.jpg", true],
    ["Published accounts show a loss", false],
    ["Related companies lost money.", false],
    ["", false],
    [prose, false],
    ["Share prices fell sharply on Monday as investors took fright.", false],
    ["Copyright law was at the heart of the case, the judge said.", false],
  ])("%j → %s", (line, expected) => {
    expect(isDebrisLine(line)).toBe(expected);
  });
});

describe("debrisLines", () => {
  it("drops a caption after the last prose paragraph", () => {
    const lines = [prose, "", "Arab Armed Forces, General Headquarters"];
    expect([...debrisLines(lines)]).toEqual([2]);
  });

  it("keeps a list that ends an article", () => {
    const lines = [prose, "", "West Brom v Tottenham", "Newcastle v Coventry", "Charlton v Yeovil", "Lesotho v Malawi"];
    expect(debrisLines(lines).size).toBe(0);
  });

  it("keeps a closing line that is a sentence without a full stop", () => {
    const lines = [prose, "", "Halo 2 is out on 9 November in the US and 11 November in the UK"];
    expect(debrisLines(lines).size).toBe(0);
  });

  it("keeps a referee line after a team sheet, which is not prose", () => {
    const sheet = ": P Montgomery; B Paulse, M Joubert, De Wet Barry, A Willemse, J van der Westhuyzen; F Du Preez; O Du Randt, J Smit.";
    expect(debrisLines([prose, "", sheet, "", "Paul Honiss (New Zealand)"]).size).toBe(0);
  });

  it("never drops an article that has no prose", () => {
    expect(debrisLines(["School Of Rock"]).size).toBe(0);
  });
});

describe("repairText with debris", () => {
  it("removes debris lines and the blank lines they leave", () => {
    const body = `${prose}\n\nShare this article\n\n${prose}\n\nPhoto Credits, Reuters\n\nogimageimage-name\n`;
    expect(repairText(body)).toBe(`${prose}\n\n${prose}\n`);
  });
});
