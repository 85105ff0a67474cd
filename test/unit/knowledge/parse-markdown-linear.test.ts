import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/knowledge/parse-markdown.js";

/** Median milliseconds of three parses (a ratio of two sizes, not an absolute time, is checked). */
function median(text: string): number {
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    parseMarkdown(text);
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[1]!;
}

describe("parseMarkdown on hostile lines", () => {
  it("keeps the words of ordinary emphasis, links and headings", () => {
    expect(parseMarkdown("# Heading ##\n\nSome **bold**, *em*, _under_ and [a link](http://x) in snake_case_name; 2*3*4.").body).toBe(
      "\nSome bold, em, under and a link in snake_case_name; 2*3*4.",
    );
  });

  it.each(["**a ", "*a ", "_a ", "__a ", "[a ", "![a "])("costs linear time on one long line of %j with no closer", (unit) => {
    const line = (n: number) => unit.repeat(Math.ceil(n / unit.length));
    median(line(20_000)); // warm up
    const small = median(line(50_000));
    const large = median(line(200_000));
    // 4× the input: about 4× the time when linear, 16× when quadratic (200k characters took 12 s).
    expect(large / Math.max(small, 1)).toBeLessThan(9);
    expect(parseMarkdown(line(200_000)).body.length).toBeGreaterThanOrEqual(100_000);
  });
});
