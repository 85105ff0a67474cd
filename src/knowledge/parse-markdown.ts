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

function stripMarkup(body: string): string {
  return body
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^#{1,6}\s+(.*?)\s*#*$/gm, "$1.")
    .replace(/^\s{0,3}(?:[-*+]|\d+\.)\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|\W)[*_](\S.*?\S|\S)[*_](?=\W|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
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
