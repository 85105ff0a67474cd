// Where an article's file goes: <host>/<slug>.md, both from its canonical URL. Pure.
import { createHash } from "node:crypto";

const MAX_SLUG = 80;

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** A folder name for the URL's host: lower case, port kept as _port. */
export function hostFolder(url: URL): string {
  return url.host
    .toLowerCase()
    .replace(/:/g, "_")
    .replace(/[^a-z0-9._-]/g, "-");
}

/** The path's segments as one kebab-case slug; a hash of the whole URL is added when the
 *  path alone would not tell two URLs apart (a query string, or a slug cut to length). */
export function slugFor(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: the raw path still makes a slug.
  }
  const raw = path
    .replace(/\.(s?html?|php|aspx?)$/i, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const base = raw || "index";
  if (url.search || base.length > MAX_SLUG) return `${base.slice(0, MAX_SLUG).replace(/-+$/, "")}-${shortHash(url.href)}`;
  return base;
}
