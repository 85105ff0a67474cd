// Scraping leftovers: page metadata tokens ("ogimageimage-name"), share and cookie boilerplate,
// and image captions trailing after the last paragraph of prose.

const META_TOKEN =
  /^(?:og|twitter|fb|article|meta)[:_-]?(?:image|title|description|url|type|site)|image[-_:]?(?:name|url|alt|caption|src)|\.(?:jpe?g|png|gif|webp)$/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
/** Share, cookie, newsletter and navigation lines: short, never a sentence. */
const BOILERPLATE = new RegExp(
  "^(?:" +
    [
      String.raw`share (?:this|on|via)\b`,
      "share$",
      "tweet$",
      "print$",
      "e-?mail this\\b",
      "whatsapp$",
      String.raw`follow us\b`,
      String.raw`sign up\b`,
      String.raw`subscribe\b`,
      String.raw`click here\b`,
      String.raw`(?:also read|read (?:more|also))\b`,
      String.raw`related(?: (?:articles|topics|stories|content|news))?\s*:?$`,
      String.raw`story continues\b`,
      "advertisement$",
      String.raw`we use cookies\b`,
      String.raw`(?:accept|manage) (?:all )?cookies\b`,
      String.raw`cookie (?:policy|settings|preferences)\b`,
      String.raw`all rights reserved\b`,
      String.raw`copyright\b`,
      "©",
      String.raw`\(?(?:photo|image|picture|file photo)(?: (?:caption|copyright|credit|source))?\s*:`,
      String.raw`(?:image|photo|picture) (?:caption|copyright|credit|source)\b`,
      String.raw`getty images\)?$`,
      String.raw`(?:last )?(?:published|updated)\s*:`,
    ].join("|") +
    ")",
  "i",
);
const SENTENCE_END = /[.!?:;]["'”’)\]]*$/u;
const FULL_STOP = /[.!?]["'”’)\]]*$/u;
const CONNECTORS = new Set(["of", "and", "the", "for", "in", "on", "at", "de", "&", "-", "–"]);

/** A line that is scraping debris wherever it stands: metadata, bare URLs, boilerplate. */
export function isDebrisLine(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (!/\s/.test(text) && (META_TOKEN.test(text) || URL_ONLY.test(text))) return true;
  return text.split(/\s+/).length <= 12 && BOILERPLATE.test(text) && !FULL_STOP.test(text);
}

/**
 * Prose: ends like a sentence, is long enough to be a paragraph rather than a list item, and is
 * not a list of names (a team sheet ends with a full stop too).
 */
function isProse(line: string): boolean {
  const text = line.trim();
  const words = text.split(/\s+/);
  const lower = words.filter((w) => /^[^\p{L}\p{N}]*\p{Ll}/u.test(w)).length;
  return SENTENCE_END.test(text) && words.length >= 15 && lower / words.length >= 0.4;
}

/** A caption or credit: short, no sentence ending, every word capitalised or a connector. */
function isCaption(line: string): boolean {
  const text = line.trim();
  if (!text || SENTENCE_END.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 12) return false;
  return words.every((w) => CONNECTORS.has(w.toLowerCase()) || /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w));
}

/**
 * Indices of lines to drop: debris anywhere, and captions after the last prose paragraph when
 * nothing but captions and debris follows it (an article that ends with a list keeps its list).
 */
export function debrisLines(lines: readonly string[]): Set<number> {
  const drop = new Set<number>();
  lines.forEach((line, i) => {
    if (isDebrisLine(line)) drop.add(i);
  });
  let lastProse = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (drop.has(i)) continue;
    if (isProse(lines[i]!)) {
      lastProse = i;
      break;
    }
  }
  if (lastProse < 0) return drop;
  const tail: number[] = [];
  for (let i = lastProse + 1; i < lines.length; i++) {
    if (drop.has(i) || !lines[i]!.trim()) continue;
    if (!isCaption(lines[i]!)) return drop;
    tail.push(i);
  }
  if (tail.length <= 3) for (const i of tail) drop.add(i);
  return drop;
}
