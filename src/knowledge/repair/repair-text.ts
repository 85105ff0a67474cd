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
  const text = line.replace(/\S+/g, (token) => {
    const r = repairToken(ctx, token);
    splits += r.splits;
    return r.text;
  });
  return { text, stats: { splits, debrisLines: 0 } };
}

/** Repairs an article body and counts what it changed. */
export function repairTextWithStats(body: string, lexicon: Lexicon = englishLexicon()): RepairResult {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const drop = debrisLines(lines);
  const ctx = docContext(lexicon, body);
  const out: string[] = [];
  let splits = 0;
  lines.forEach((line, i) => {
    if (drop.has(i)) {
      // A dropped line takes one neighbouring blank line with it, so paragraphs stay evenly spaced.
      if (out.length > 0 && out[out.length - 1] === "" && (i + 1 >= lines.length || lines[i + 1] === "")) out.pop();
      return;
    }
    const r = repairLine(ctx, line);
    splits += r.stats.splits;
    out.push(r.text);
  });
  while (out.length > 0 && out[out.length - 1]!.trim() === "" && lines.length > 0 && out.length > 0 && drop.size > 0) {
    out.pop();
  }
  const ending = /\n$/.test(body) && drop.size > 0 ? "\n" : "";
  return { text: out.join("\n") + ending, stats: { splits, debrisLines: drop.size } };
}

/** The repaired body: glued words split, debris lines dropped, paragraphs as they were. */
export function repairText(body: string, lexicon?: Lexicon): string {
  return repairTextWithStats(body, lexicon).text;
}
