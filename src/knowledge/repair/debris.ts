import { DEBRIS_RULES, firstDebrisRule, isProseLine } from "../../text/index.js";

// Scraping leftovers: page metadata tokens ("ogimageimage-name"), share and cookie boilerplate,
// and image captions trailing after the last paragraph of prose.

/** The debris rules repair applies to every line, wherever it stands. */
const LINE_RULES = ["meta-token", "bare-url", "boilerplate"] as const;
/** Captions are dropped only in the tail (after the last prose), at most this many. */
const MAX_TAIL_CAPTIONS = 3;

/** A line that is scraping debris wherever it stands: metadata, bare URLs, boilerplate. */
export function isDebrisLine(line: string): boolean {
  const text = line.trim();
  return text !== "" && firstDebrisRule(text, LINE_RULES) !== null;
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
    if (isProseLine(lines[i]!.trim())) {
      lastProse = i;
      break;
    }
  }
  if (lastProse < 0) return drop;
  const tail: number[] = [];
  for (let i = lastProse + 1; i < lines.length; i++) {
    if (drop.has(i) || !lines[i]!.trim()) continue;
    if (!DEBRIS_RULES["caption-line"](lines[i]!.trim())) return drop;
    tail.push(i);
  }
  if (tail.length <= MAX_TAIL_CAPTIONS) for (const i of tail) drop.add(i);
  return drop;
}
