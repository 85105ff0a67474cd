import type { Paragraph } from "../types.js";

// Line breaks that end a sentence end a paragraph; others are soft wraps inside one.
const ENDS_PARAGRAPH = /[.!?:;"'”’)\]…]$/u;

/** Splits a body into paragraph strings: blank lines always separate, and so does a line
 *  break after sentence-final punctuation (scraped text often has one paragraph a line). */
export function splitParagraphs(body: string): string[] {
  const paragraphs: string[] = [];
  for (const block of body.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n+/)) {
    let current = "";
    for (const rawLine of block.split("\n")) {
      const line = rawLine.replace(/\s+/g, " ").trim();
      if (!line) continue;
      current = current ? `${current} ${line}` : line;
      if (ENDS_PARAGRAPH.test(line)) {
        paragraphs.push(current);
        current = "";
      }
    }
    if (current) paragraphs.push(current);
  }
  return paragraphs;
}

/** Joins paragraphs into the article text ("\n\n" between) with each paragraph's offsets. */
export function joinParagraphs(paragraphs: string[]): { text: string; paragraphs: Paragraph[] } {
  const out: Paragraph[] = [];
  let text = "";
  paragraphs.forEach((p, i) => {
    if (i > 0) text += "\n\n";
    out.push({ number: i + 1, start: text.length, end: text.length + p.length });
    text += p;
  });
  return { text, paragraphs: out };
}
