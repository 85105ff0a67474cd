import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/knowledge/parse-markdown.js";

// The speed of these lines is measured by `npx tsx tools/bench/markdown-hostile.ts` (medians per size);
// here, that they are read whole and their words kept.
describe("parseMarkdown on hostile lines", () => {
  it("keeps the words of ordinary emphasis, links and headings", () => {
    expect(parseMarkdown("# Heading ##\n\nSome **bold**, *em*, _under_ and [a link](http://x) in snake_case_name; 2*3*4.").body).toBe(
      "\nSome bold, em, under and a link in snake_case_name; 2*3*4.",
    );
  });

  it.each(["**a ", "*a ", "_a ", "__a ", "[a ", "![a "])("keeps every word of one long line of %j with no closer", (unit) => {
    const line = unit.repeat(50_000);
    const body = parseMarkdown(line).body;
    expect(body.match(/a/g)?.length).toBe(50_000);
  });
});
