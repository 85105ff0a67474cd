// An extracted article as a Markdown file with front matter, as the knowledge loader reads it.
// Pure. Values are JSON strings (valid YAML, any character safe); the body is escaped so that
// no sentence is read back as markup (a paragraph opening "1. " or "# " keeps those characters).
import type { ExtractedArticle } from "./extract-article.js";

function escapeParagraph(text: string): string {
  return text
    .replace(/[\\`*_[\]]/g, "\\$&")
    .replace(/^(\s*)([#>+-])/, "$1\\$2")
    .replace(/^(\s*\d+)\.(\s)/, "$1\\.$2");
}

export function toMarkdown(article: ExtractedArticle): string {
  const fields: [string, string | undefined][] = [
    ["title", article.title],
    ["source", article.url],
    ["published", article.published],
    ["author", article.author],
  ];
  const front = fields
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n");
  return `---\n${front}\n---\n\n${article.paragraphs.map(escapeParagraph).join("\n\n")}\n`;
}
