import { describe, expect, it } from "vitest";
import { debrisReason } from "../../../src/summarize/index.js";

describe("debrisReason", () => {
  it.each([
    ["Photo: Reuters", "too-short"],
    ["Advertisement", "too-short"],
    ["SHARE THIS ARTICLE ON SOCIAL MEDIA", "no-lowercase"],
    ["Click here to subscribe to our newsletter", "unpunctuated"],
    ["Read more: how the budget affects your household bills.", "label"],
    ["(Image credit: Getty Images for the festival organisers.)", "label"],
    ["Picture: the minister arriving at the summit in Brussels.", "label"],
    ["Visit www.example.com for the full list of winners.", "link"],
    ["Kenny, Geary, Morgan, Bromby, Harley, Liddell, Montgomery.", "no-verb"],
  ])("%j is debris (%s)", (text, reason) => {
    expect(debrisReason(text)).toBe(reason);
  });

  it.each([
    "The council approved the new budget on Tuesday evening.",
    "Share prices fell sharply after the announcement on Monday.",
    "Sources close to the minister said the plan would be dropped.",
    '"We will not give up," she said.',
    'The 55-year-old told the club website www.example.com: "My intention has always been clear."',
  ])("%j is a real sentence", (text) => {
    expect(debrisReason(text)).toBeNull();
  });
});

describe("debrisReason on prose the tagger gets wrong", () => {
  it.each([
    "The UK's jobless total rose for the second month in a row in December, official figures show.",
    "Consumer spending accounts for about two-thirds of Italy's economy.",
  ])("keeps %j (plenty of lower-case words)", (text) => {
    expect(debrisReason(text)).toBeNull();
  });
});
