// Repairs a scraped article body line by line, keeping its paragraph structure.
import { docContext, type DocContext } from "./doc-context.js";
import { debrisLines } from "./debris.js";
import { englishLexicon, type Lexicon } from "./lexicon.js";
import { repairToken } from "./repair-token.js";

export interface RepairStats {
  /** Spaces inserted between glued words (and after commas). */
  splits: number;
  /** Lines dropped as scraping debris. */
  debrisLines: number;
}

export interface RepairResult {
  text: string;
  stats: RepairStats;
}

/** Repairs one line of text in the context of its article (see `docContext`). */
export function repairLine(ctx: DocContext, line: string): RepairResult {
  let splits = 0;
  let quotes = 0;
  const text = line.replace(/\S+/g, (token) => {
    const r = repairToken(ctx, token, quotes);
    for (const ch of token) if (ch === '"') quotes++;
    splits += r.splits;
    return r.text;
  });
  return { text, stats: { splits, debrisLines: 0 } };
}

/** Passes at most: a repair can give the next pass evidence ("Irish" now written apart). */
const MAX_PASSES = 3;

/** Repairs an article body and counts what it changed. Repeats until nothing changes. */
export function repairTextWithStats(body: string, lexicon: Lexicon = englishLexicon()): RepairResult {
  const first = repairOnce(body, lexicon);
  let { text } = first;
  const stats = { ...first.stats };
  for (let pass = 1, last = first.stats; pass < MAX_PASSES && last.splits + last.debrisLines > 0; pass++) {
    const next = repairOnce(text, lexicon);
    text = next.text;
    stats.splits += next.stats.splits;
    stats.debrisLines += next.stats.debrisLines;
    last = next.stats;
  }
  return { text, stats };
}

function repairOnce(body: string, lexicon: Lexicon): RepairResult {
  const normalised = body.replace(/\r\n?/g, "\n");
  const lines = normalised.split("\n");
  const drop = debrisLines(lines);
  const ctx = docContext(lexicon, normalised);
  const out: string[] = [];
  let splits = 0;
  lines.forEach((line, i) => {
    if (drop.has(i)) {
      // A dropped line takes one neighbouring blank line with it, so paragraphs stay evenly spaced.
      const blankBefore = out.length > 0 && out[out.length - 1]!.trim() === "";
      if (blankBefore && (i + 1 >= lines.length || lines[i + 1]!.trim() === "")) out.pop();
      return;
    }
    const r = repairLine(ctx, line);
    splits += r.stats.splits;
    out.push(r.text);
  });
  let text = out.join("\n");
  if (drop.size > 0) {
    // Lines dropped at the end leave no blank lines behind; the final newline stays as it was.
    text = text.replace(/\n\s*$/, "");
    if (text.trim() === "") text = "";
    else if (normalised.endsWith("\n")) text += "\n";
  }
  return { text, stats: { splits, debrisLines: drop.size } };
}

/**
 * The repaired body: glued words split, debris lines dropped, paragraphs as they were (line
 * breaks normalised to "\n").
 */
export function repairText(body: string, lexicon?: Lexicon): string {
  return repairTextWithStats(body, lexicon).text;
}
