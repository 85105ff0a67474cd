import matter from "gray-matter";
import type { ArticleMeta } from "../types.js";

export interface ParsedDocument {
  meta: Partial<ArticleMeta>;
  body: string;
}

function asText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string" && value.trim()) return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

// Backslash escapes (\*, \_, \#, 1\. …) are set aside before the markup rules run, so an escaped
// character stays as written text: ingested pages are written with them.
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>|~])/g;
const PROTECTED = /[\uE000-\uE07F]/g;
const protect = (text: string) => text.replace(ESCAPED, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
const restore = (text: string) => text.replace(PROTECTED, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));

// Markup people put in article bodies, reduced to its words.
function stripMarkdown(body: string): string {
  return restore(stripMarkup(protect(body)));
}

const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/** "Heading ##" → "Heading" without a regex that backtracks over long runs of spaces. */
function headingText(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  return text.slice(0, end).trimEnd();
}

/**
 * `**bold**`, `__bold__`, `*em*` and `_em_` reduced to their words in one pass over each line:
 * every delimiter pairs with the nearest closer after it, as the lazy patterns this replaces did,
 * but an opener without a closer costs nothing more (those patterns rescanned the rest of the
 * line from every opener: a 200k-character line took 12 s).
 */
function stripEmphasis(line: string): string {
  const drop = new Uint8Array(line.length);
  // Double delimiters first, then single ones over what is left (the old order).
  const open2 = new Map<string, number>();
  for (let i = 0; i + 1 < line.length; i++) {
    const c = line[i]!;
    if ((c !== "*" && c !== "_") || line[i + 1] !== c) continue;
    const at = open2.get(c);
    if (at !== undefined && i > at + 2) {
      drop[at] = drop[at + 1] = drop[i] = drop[i + 1] = 1;
      open2.delete(c);
    } else if (at === undefined) open2.set(c, i);
    i++;
  }
  // Single: opens after a non-word character before a non-space; closes after a non-space before a non-word.
  let opener = -1;
  let prev: string | undefined;
  for (let i = 0; i < line.length; i++) {
    if (drop[i]) continue;
    const c = line[i]!;
    if (c === "*" || c === "_") {
      let next: number = i + 1;
      while (next < line.length && drop[next]) next++;
      const after = line[next];
      if (opener >= 0 && !isSpace(prev) && prev !== undefined && !isWord(after) && i > opener + 1) {
        drop[opener] = drop[i] = 1;
        opener = -1;
        prev = c;
        continue;
      }
      if (!isWord(prev) && !isSpace(after) && after !== "*" && after !== "_") opener = i;
    }
    prev = c;
  }
  let out = "";
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if (!drop[i]) continue;
    out += line.slice(from, i);
    from = i + 1;
  }
  return out + line.slice(from);
}

function stripMarkup(body: string): string {
  return (
    body
      .replace(/^```[\s\S]*?^```/gm, "")
      // Brackets are not allowed inside link text, so an unclosed "[" stops at the next one.
      .replace(/!\[[^\][]*\]\([^)(]*\)/g, "")
      .replace(/\[([^\][]+)\]\([^)(]*\)/g, "$1")
      .replace(/^#{1,6}[ \t]+(.*)$/gm, (_m, text: string) => `${headingText(text)}.`)
      .replace(/^\s{0,3}(?:[-*+]|\d+\.)\s+/gm, "")
      .replace(/^\s{0,3}>\s?/gm, "")
      .split("\n")
      .map(stripEmphasis)
      .join("\n")
      .replace(/`([^`]+)`/g, "$1")
  );
}

/** Markdown with optional YAML front matter (title, source, published, author, dateline).
 *  Throws on broken front matter; the loader reports it by file name. */
export function parseMarkdown(text: string): ParsedDocument {
  // Options turn off gray-matter's cache, which would keep every file and hide a repeated parse error.
  const parsed = matter(text, {});
  const data = parsed.data as Record<string, unknown>;
  let body = parsed.content;
  let title = asText(data.title);
  if (!title) {
    // A leading "# Heading" is the title when the front matter has none.
    const heading = /^\s*#\s+(.+)\n/.exec(body);
    if (heading) {
      title = heading[1]!.trim();
      body = body.slice(heading[0].length);
    }
  }
  return {
    meta: {
      title,
      source: asText(data.source ?? data.url),
      published: asText(data.published ?? data.date),
      author: asText(data.author),
      dateline: asText(data.dateline),
    },
    body: stripMarkdown(body),
  };
}
