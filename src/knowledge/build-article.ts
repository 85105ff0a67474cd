import { createHash } from "node:crypto";
import path from "node:path";
import { UnreadableFile } from "../errors.js";
import type { Article } from "../types.js";
import { parseHtml } from "./parse-html.js";
import { parseMarkdown, type ParsedDocument } from "./parse-markdown.js";
import { parseText } from "./parse-text.js";
import { joinParagraphs, splitParagraphs } from "./paragraphs.js";

export const ARTICLE_EXTENSIONS = [".md", ".markdown", ".txt", ".html", ".htm"] as const;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** `business/017.txt` → `business/017`. */
export function articleIdOf(relativePath: string): string {
  const posix = relativePath.split(path.sep).join("/");
  return posix.slice(0, posix.length - path.extname(posix).length);
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** UTF-16 without a byte-order mark: most ASCII text has a zero in every other byte. */
function looksUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 8000) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return "utf-16le";
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return "utf-16be";
  return undefined;
}

function decode(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new UnreadableFile("the file is empty");
  // UTF-16 with a byte-order mark (what Windows Notepad writes as "Unicode") is read as such.
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  const encoding = bom ?? looksUtf16(bytes);
  if (encoding) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw new UnreadableFile(`the file is not valid ${encoding.toUpperCase()} text`);
    }
  }
  if (bytes.subarray(0, 8000).includes(0)) throw new UnreadableFile("the file is binary, not text");
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UnreadableFile("the file is not valid UTF-8 text");
  }
}

function parse(relativePath: string, text: string): ParsedDocument {
  const ext = path.extname(relativePath).toLowerCase();
  if (ext === ".html" || ext === ".htm") return parseHtml(text);
  if (ext === ".txt") return parseText(text);
  try {
    return parseMarkdown(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UnreadableFile(`its front matter is not valid YAML (${reason})`);
  }
}

/**
 * One file's bytes → an Article. `repair` mends scraped text (glued words, debris lines) before
 * paragraphs are cut. `id` is the file's article id (assign-article-ids.ts when files share a stem). Throws UnreadableFile with a reason a person can act on.
 */
export function buildArticle(
  relativePath: string,
  bytes: Uint8Array,
  repair: (body: string) => string,
  id: string = articleIdOf(relativePath),
): Article {
  const { meta, body } = parse(relativePath, decode(bytes));
  const { text, paragraphs } = joinParagraphs(splitParagraphs(repair(body)));
  if (!text) throw new UnreadableFile("it has no article text");
  return {
    id,
    title: meta.title ?? path.posix.basename(id).replace(/[-_]+/g, " "),
    ...(meta.source && { source: meta.source }),
    ...(meta.published && { published: meta.published }),
    ...(meta.author && { author: meta.author }),
    ...(meta.dateline && { dateline: meta.dateline }),
    text,
    paragraphs,
    hash: hashBytes(bytes),
  };
}
