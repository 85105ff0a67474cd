import type { ParsedDocument } from "./parse-markdown.js";

/** Plain text: the first non-empty line is the title, the rest is the body. */
export function parseText(text: string): ParsedDocument {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return { meta: {}, body: "" };
  return { meta: { title: lines[first]!.trim() }, body: lines.slice(first + 1).join("\n") };
}
