// What a fetched body is, from its Content-Type and its first bytes. Pure.

export type BodyKind = "html" | "xml" | "other";

export function classify(contentType: string, text: string): BodyKind {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const start = text
    .slice(0, 1024)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (/[/+]xml$/.test(type) || /^application\/(rss|atom)/.test(type)) return "xml";
  // A missing or generic type: go by the document's opening.
  if (type === "" || type === "text/plain" || type === "application/octet-stream") {
    if (/^<\?xml|^<(rss|feed|urlset|sitemapindex|rdf:rdf)\b/.test(start)) return "xml";
    if (/^<!doctype html|^<html\b|^<head\b/.test(start)) return "html";
  }
  return "other";
}
