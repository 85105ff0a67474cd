import { describe, expect, it } from "vitest";
import { formatAnswer, quoteWindow } from "../../../src/discord/format/answer-reply.js";
import { embedLength } from "../../../src/discord/format/limits.js";
import type { Answer } from "../../../src/types.js";

const quote = "The visit, accompanied by Lieutenant General Saddam Haftar, marked a milestone.";
const start = quote.indexOf("Lieutenant");
const end = start + "Lieutenant General Saddam Haftar".length;

function found(overrides: Partial<Extract<Answer, { kind: "answer" }>> = {}): Answer {
  return {
    kind: "answer",
    question: "who accompanied Haftar?",
    answer: "Lieutenant General Saddam Haftar",
    score: 0.614,
    mode: "model",
    citation: {
      articleId: "a",
      title: "Haftar at GHQ",
      paragraph: 2,
      passageId: "a#p2",
      quote,
      answerStart: start,
      answerEnd: end,
      source: "https://x.test/a",
    },
    nearest: [],
    ...overrides,
  };
}

describe("formatAnswer", () => {
  it("puts the answer in bold, marks it in the quote, links the title and names mode and confidence", () => {
    const { embeds, components } = formatAnswer(found(), () => undefined);
    const e = embeds[0]!;
    expect(e.description).toBe(
      `**Lieutenant General Saddam Haftar**\n\n> The visit, accompanied by __**Lieutenant General Saddam Haftar**__, marked a milestone.`,
    );
    expect(e.fields![0]!.value).toBe("[Haftar at GHQ](https://x.test/a)");
    expect(e.fields![1]!.value).toBe("2 · `a#p2`");
    expect(e.footer!.text).toBe("Mode: model · Confidence: 61%");
    expect(components[0]!.components[0]!.custom_id).toBe("passage:a#p2");
  });

  it("does not link a title without an http source", () => {
    const a = found();
    if (a.kind === "answer") a.citation.source = null;
    const e = formatAnswer(a, () => undefined).embeds[0]!;
    expect(e.fields![0]!.value).toBe("Haftar at GHQ");
    expect(e.url).toBeUndefined();
  });

  it("escapes markdown in article text so it shows as written", () => {
    const q = "Profits rose *sharply* in_2025 to $5.";
    const a = found({ answer: "$5" });
    if (a.kind === "answer") Object.assign(a.citation, { quote: q, answerStart: q.indexOf("$5"), answerEnd: q.indexOf("$5") + 2 });
    expect(formatAnswer(a, () => undefined).embeds[0]!.description).toContain("\\*sharply\\* in\\_2025 to __**$5**__.");
  });

  it("keeps every part within Discord's limits for huge inputs", () => {
    const big = "A long sentence about the meeting. ".repeat(400);
    const a = found({ question: "q".repeat(5000), answer: big });
    if (a.kind === "answer")
      Object.assign(a.citation, {
        quote: big + quote,
        answerStart: big.length + start,
        answerEnd: big.length + end,
        title: "T".repeat(900),
      });
    const e = formatAnswer(a, () => undefined).embeds[0]!;
    expect(e.author!.name.length).toBeLessThanOrEqual(256);
    expect(e.title!.length).toBeLessThanOrEqual(256);
    expect(e.description!.length).toBeLessThanOrEqual(4096);
    expect(e.description).toContain("__**Lieutenant General Saddam Haftar**__");
    for (const f of e.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(embedLength(e as never)).toBeLessThanOrEqual(6000);
  });

  it('shows a passage reply as the quoted sentence under "The article says:", nothing marked, with its source', () => {
    const body = formatAnswer(
      {
        kind: "passage",
        question: "why did Haftar visit?",
        answer: quote,
        score: 0.7,
        mode: "lexical",
        citation: { articleId: "a", title: "Haftar at GHQ", paragraph: 2, passageId: "a#p2", quote, source: "https://x.test/a" },
        nearest: [],
      },
      () => undefined,
    );
    const e = body.embeds[0]!;
    expect(e.description).toBe(`**The article says:**\n> ${quote}`);
    expect(e.description).not.toContain("__");
    expect(e.title).toBe("Haftar at GHQ");
    expect(e.url).toBe("https://x.test/a");
    expect(e.fields![1]!.value).toBe("2 · `a#p2`");
    expect(e.footer!.text).toMatch(/^Mode: lexical .* this sentence holds the answer$/);
    expect(e.footer!.text).not.toMatch(/Confidence/);
    expect(body.components[0]!.components[0]!.custom_id).toBe("passage:a#p2");
  });

  it("says not found with up to three nearest passages and a button each", () => {
    const nearest = [1, 2, 3, 4].map((n) => ({
      articleId: "a",
      paragraph: n,
      passageId: `a#p${n}`,
      text: `Paragraph ${n} text.`,
      score: 0.1,
    }));
    const body = formatAnswer({ kind: "not-found", question: "price of tea?", mode: "lexical", nearest }, (id) =>
      id === "a" ? "Article A" : undefined,
    );
    const e = body.embeds[0]!;
    expect(e.title).toBe("Not found");
    expect(e.fields!.map((f) => f.name)).toEqual([
      "1. Article A — paragraph 1",
      "2. Article A — paragraph 2",
      "3. Article A — paragraph 3",
    ]);
    expect(body.components[0]!.components.map((b) => b.custom_id)).toEqual(["passage:a#p1", "passage:a#p2", "passage:a#p3"]);
    expect(e.footer!.text).toMatch(/^Mode: lexical/);
  });

  it("says so when no passage came near", () => {
    const body = formatAnswer({ kind: "not-found", question: "x?", mode: "model", nearest: [] }, () => undefined);
    expect(body.embeds[0]!.description).toMatch(/No passage came close/);
    expect(body.components).toEqual([]);
  });
});

describe("quoteWindow", () => {
  it("keeps the answer inside a window no longer than max", () => {
    const q = "lead ".repeat(500) + "ANSWER here" + " tail".repeat(500);
    const s = q.indexOf("ANSWER");
    const w = quoteWindow(q, s, s + 6, 300);
    expect(w.quote.length).toBeLessThanOrEqual(300);
    expect(w.quote.slice(w.start, w.end)).toBe("ANSWER");
    expect(w.quote.startsWith("…") && w.quote.endsWith("…")).toBe(true);
  });
});
