import { describe, expect, it } from "vitest";
import { decodeSpans, widenToWords } from "../../../src/models/span-decode.js";

const opts = { contextStart: 3, contextEnd: 8, maxAnswerTokens: 30, topK: 3 };

describe("decodeSpans", () => {
  it("picks the span with the highest p(start)·p(end) among passage tokens", () => {
    //            CLS  q    SEP  p0   p1   p2   p3   p4   SEP
    const start = [0, 9, 9, 0, 5, 0, 0, 0, 9];
    const end = [0, 9, 9, 0, 0, 0, 5, 0, 9];
    const { spans } = decodeSpans(start, end, opts);
    expect(spans[0]).toMatchObject({ startToken: 4, endToken: 6 });
    expect(spans[0]!.score).toBeGreaterThan(0.5);
    expect(spans[0]!.score).toBeLessThanOrEqual(1);
  });

  it("never returns an end before its start, nor spans longer than maxAnswerTokens", () => {
    const start = [0, 0, 0, 0, 0, 0, 0, 9, 0];
    const end = [0, 0, 0, 9, 0, 0, 0, 0, 0];
    const { spans } = decodeSpans(start, end, { ...opts, maxAnswerTokens: 2 });
    for (const s of spans) {
      expect(s.endToken).toBeGreaterThanOrEqual(s.startToken);
      expect(s.endToken - s.startToken).toBeLessThan(2);
    }
  });

  it("returns topK spans, best first, and a high no-answer score when [CLS] dominates", () => {
    const start = [9, 0, 0, 1, 0, 0, 0, 0, 0];
    const end = [9, 0, 0, 1, 0, 0, 0, 0, 0];
    const { spans, noAnswerScore } = decodeSpans(start, end, opts);
    expect(spans).toHaveLength(3);
    expect(spans[0]!.score).toBeGreaterThanOrEqual(spans[1]!.score);
    expect(noAnswerScore).toBeGreaterThan(0.9);
    expect(noAnswerScore).toBeGreaterThan(spans[0]!.score);
  });

  it("ignores logits of question and padding positions", () => {
    const start = [0, 50, 50, 0, 0, 0, 0, 1, 50];
    const end = [0, 50, 50, 0, 0, 0, 0, 1, 50];
    expect(decodeSpans(start, end, opts).spans[0]).toMatchObject({ startToken: 7, endToken: 7 });
  });
});

describe("widenToWords", () => {
  const tokens = ["the", "un", "##believ", "##able", "story"];
  it.each([
    [2, 2, [1, 3]],
    [1, 1, [1, 3]],
    [0, 0, [0, 0]],
    [3, 4, [1, 4]],
  ])("widens [%i, %i] to whole words", (from, to, expected) => {
    expect(widenToWords(tokens, from, to)).toEqual(expected);
  });
});
