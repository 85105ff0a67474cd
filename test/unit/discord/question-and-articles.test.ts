import { describe, expect, it } from "vitest";
import { resolveArticle } from "../../../src/discord/article-match.js";
import { buildTitleIndex } from "../../../src/search/title-index.js";
import { normaliseQuestion } from "../../../src/answer/question.js";
import { looksLikeQuestion, stripBotMention, stripDiscordMarkup } from "../../../src/discord/question.js";
import { QuestionError } from "../../../src/errors.js";
import type { ArticleInfo } from "../../../src/types.js";

describe("stripBotMention", () => {
  it.each([
    ["<@123> who accompanied Haftar?", "who accompanied Haftar?"],
    ["<@!123>   who   went?", "who went?"],
    ["who went <@123>?", "who went ?"],
    ["<@999> is someone else", "<@999> is someone else"],
  ])("%s → %s", (input, out) => expect(stripBotMention(input, "123")).toBe(out));
});

describe("stripDiscordMarkup, then the core's normaliseQuestion", () => {
  it("keeps the words and drops mentions, emoji, @everyone, formatting and links", () => {
    const typed = "@everyone **who** accompanied <@!123456789012345678> <@&42> <#7> Haftar? <a:wave:99> https://x.y/z";
    expect(normaliseQuestion(stripDiscordMarkup(typed))).toBe("who accompanied Haftar?");
  });

  it("leaves a question of nothing but mentions for the core to refuse as empty", () => {
    expect(() => normaliseQuestion(stripDiscordMarkup("@here <@123456789012345678> <:smile:1>"))).toThrow(QuestionError);
  });

  it("leaves ordinary @ and angle brackets alone", () => {
    expect(stripDiscordMarkup("who emailed a@b.com about <rates>?")).toBe("who emailed a@b.com about <rates>?");
  });
});

describe("looksLikeQuestion", () => {
  it.each([
    ["Who accompanied Haftar?", true],
    ["who accompanied haftar", true],
    ["Did Munir visit Benghazi", true],
    ["the meeting was on Monday.", false],
    ["lol?", false],
    ["/ask something?", false],
    ['He asked "why?"', true],
  ])("%s → %s", (text, expected) => expect(looksLikeQuestion(text)).toBe(expected));
});

const articles: ArticleInfo[] = [
  { id: "world/haftar", title: "Haftar calls on Munir at GHQ", paragraphs: 3 },
  { id: "world/libya-oil", title: "Libya oil output rises", paragraphs: 2 },
  { id: "sport/cricket", title: "Cricket: Pakistan win", paragraphs: 4 },
  { id: "sport/Cricket", title: "Cricket: Pakistan win", paragraphs: 4 },
];
const titles = buildTitleIndex(articles);
const resolve = (typed: string) =>
  resolveArticle(
    typed,
    titles.find(typed, 25).map((h) => ({ article: h.entry, match: h.match })),
  );

describe("resolveArticle", () => {
  it("accepts an id or a title typed in full, and nothing looser", () => {
    expect(resolve("sport/cricket")).toBe("sport/cricket");
    expect(resolve("sport/Cricket")).toBe("sport/Cricket");
    expect(resolve("WORLD/haftar")).toBe("world/haftar");
    expect(resolve("  libya OIL output rises ")).toBe("world/libya-oil");
    expect(resolve("libya")).toBeUndefined();
  });

  it("refuses an id or title that fits more than one article", () => {
    expect(resolve("SPORT/CRICKET")).toBeUndefined();
    expect(resolve("Cricket: Pakistan win")).toBeUndefined();
  });
});
