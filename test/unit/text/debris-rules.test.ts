import { describe, expect, it } from "vitest";
import { DEBRIS_RULES, firstDebrisRule, isProseLine, type DebrisRuleName } from "../../../src/text/index.js";

const sentence = "The council approved the new budget on Tuesday evening.";

describe("DEBRIS_RULES", () => {
  it.each<[DebrisRuleName, string, boolean]>([
    ["meta-token", "ogimageimage-name", true],
    ["meta-token", "hero-image.jpg", true],
    ["meta-token", "og:image and more", false],
    ["bare-url", "https://example.com/story", true],
    ["bare-url", "see https://example.com/story", false],
    ["boilerplate", "Share this article", true],
    ["boilerplate", "Share prices fell sharply on Monday as investors took fright.", false],
    ["caption-line", "Arab Armed Forces, General Headquarters", true],
    ["caption-line", "West Brom v Tottenham", false],
    ["too-short", "Photo: Reuters", true],
    ["too-short", sentence, false],
    ["no-lowercase", "SHARE THIS ARTICLE ON SOCIAL MEDIA", true],
    ["unpunctuated", "Click here to subscribe to our newsletter", true],
    ["unpunctuated", sentence, false],
    ["label", "Picture: the minister arriving at the summit in Brussels.", true],
    ["label", "Read more: how the budget affects your household bills.", true],
    ["link", "Visit www.example.com for the full list of winners.", true],
    ["no-verb", "Kenny, Geary, Morgan, Bromby, Harley, Liddell, Montgomery.", true],
    ["no-verb", sentence, false],
  ])("%s: %j → %s", (rule, text, expected) => {
    expect(DEBRIS_RULES[rule](text)).toBe(expected);
  });
});

describe("firstDebrisRule", () => {
  it("names the first of the picked rules that applies, in the order picked", () => {
    expect(firstDebrisRule("Advertisement", ["boilerplate", "too-short"])).toBe("boilerplate");
    expect(firstDebrisRule("Advertisement", ["too-short", "boilerplate"])).toBe("too-short");
  });

  it("ignores rules that were not picked", () => {
    expect(firstDebrisRule("Share this article", ["meta-token", "bare-url"])).toBeNull();
    expect(firstDebrisRule(sentence, Object.keys(DEBRIS_RULES) as DebrisRuleName[])).toBeNull();
  });
});

describe("isProseLine", () => {
  it.each([
    ["The minister said on Monday that the talks had gone well and that both sides would meet again in the spring.", true],
    ["The minister said the talks had gone well.", false],
    [": P Montgomery; B Paulse, M Joubert, De Wet Barry, A Willemse, J van der Westhuyzen; F Du Preez; O Du Randt, J Smit.", false],
  ])("%j → %s", (line, expected) => {
    expect(isProseLine(line)).toBe(expected);
  });
});
