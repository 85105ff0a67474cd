// Scraping leftovers: page metadata tokens ("ogimageimage-name"), share and cookie boilerplate,
// and image captions trailing after the last paragraph of prose.

const META_TOKEN = /^(?:og|twitter|fb|article|meta)[:_-]?(?:image|title|description|url|type|site)|image[-_:]?(?:name|url|alt|caption|src)/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const BOILERPLATE =
  /^(?:share (?:this|on|via)\b|share$|follow us\b|sign up\b|subscribe\b|click here\b|read more\b|related (?:articles|topics|stories|content)\b|advertisement$|we use cookies\b|(?:accept|manage) (?:all )?cookies\b|cookie (?:policy|settings|preferences)\b|all rights reserved\b|copyright\b|©)/i;
const SENTENCE_END = /[.!?:;]["'”’)\]]*$/u;
const CONNECTORS = new Set(["of", "and", "the", "for", "in", "on", "at", "de", "&", "-", "–"]);

/** A line that is scraping debris wherever it stands: metadata, bare URLs, boilerplate. */
export function isDebrisLine(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (!/\s/.test(text) && (META_TOKEN.test(text) || URL_ONLY.test(text))) return true;
  return text.split(/\s+/).length <= 12 && BOILERPLATE.test(text) && !SENTENCE_END.test(text);
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
