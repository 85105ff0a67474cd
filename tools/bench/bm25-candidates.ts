// npx tsx tools/bench/bm25-candidates.ts --knowledge DIR --cache DIR [--planted FILE] [--k 75] [--rounds 3]
//   [--exact-budget N] [--rare-budget N] [--max-budget N] [--preselect N]   (default: RARE_FIRST in src/search/search-index.ts)
// The engine's part of a question on an index already built (the archive bench's corpus and cache,
// e.g. .newsdesk/bench-corpora/synthetic-200000-s13-q200 and .newsdesk/bench-cache/synthetic-200000):
// per planted question, interleaved so that both see the same machine load, FTS5's own ranking of
// every passage holding a query term (the engine query before the rare-first search) and
// `searchTerms` as retrieval calls it. Prints wall p50/p95 of each, CPU medians, and how many
// questions' best passage by FTS5 (its text: near-copies count as the same) is among `searchTerms`'
// candidates, and the mean share of FTS5's top-k texts there. Read-only.
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../../src/log.js";
import { indexFolder } from "../../src/search/knowledge-index.js";
import { openIndexDatabase } from "../../src/search/open-database.js";
import { databaseSearchIndex, RARE_FIRST } from "../../src/search/search-index.js";
import { searchTerms } from "../../src/text/index.js";
import { summarize } from "./percentiles.js";

const { values } = parseArgs({
  options: {
    knowledge: { type: "string" },
    cache: { type: "string" },
    planted: { type: "string" },
    k: { type: "string", default: "75" },
    rounds: { type: "string", default: "3" },
    limit: { type: "string", default: "200" },
    "exact-budget": { type: "string" },
    "rare-budget": { type: "string" },
    "max-budget": { type: "string" },
    preselect: { type: "string" },
  },
});
if (!values.knowledge || !values.cache) throw new Error("--knowledge DIR and --cache DIR are required");
const k = Number(values.k);
const planted = JSON.parse(await readFile(values.planted ?? path.join(values.knowledge, ".planted.json"), "utf8")) as {
  question: string;
}[];
const questions = planted.slice(0, Number(values.limit)).map((q) => searchTerms(q.question));
const db = await openIndexDatabase(indexFolder(values.cache, values.knowledge), createLogger({ level: "warn" }));
const budgets = {
  exactBudget: Number(values["exact-budget"] ?? RARE_FIRST.exactBudget),
  rareBudget: Number(values["rare-budget"] ?? RARE_FIRST.rareBudget),
  maxBudget: Number(values["max-budget"] ?? RARE_FIRST.maxBudget),
  preselect: Number(values.preselect ?? RARE_FIRST.preselect ?? k * 2),
};
const index = databaseSearchIndex(db, { rareFirst: budgets });
const full = db.prepare<[string, number], { row: number }>(
  "SELECT rowid AS row FROM passage_terms WHERE passage_terms MATCH ? ORDER BY bm25(passage_terms, 1.0, 1.0) LIMIT ?",
);
const expression = (terms: string[]) => [...new Set(terms)].map((t) => `"${t}"`).join(" OR ");

function timed<T>(fn: () => T): { value: T; ms: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, ms, cpu: (u.user + u.system) / 1000 };
}

for (const q of questions.slice(0, 20)) index.searchTerms(q, k); // statistics cached, pages warm
const wall = { fts5: [] as number[], searchTerms: [] as number[] };
const cpu = { fts5: [] as number[], searchTerms: [] as number[] };
let bestKept = 0;
let shareSum = 0;
let asked = 0;
for (let round = 0; round < Number(values.rounds); round++) {
  for (const terms of questions) {
    if (terms.length === 0) continue;
    const a = timed(() => full.all(expression(terms), k).map((h) => h.row));
    const b = timed(() => index.searchTerms(terms, k).map((h) => h.row));
    wall.fts5.push(a.ms);
    cpu.fts5.push(a.cpu);
    wall.searchTerms.push(b.ms);
    cpu.searchTerms.push(b.cpu);
    if (round > 0) continue;
    const texts = (rows: number[]) => index.passagesAt(rows).map((p) => p.text);
    const reference = texts(a.value);
    const got = new Set(texts(b.value));
    asked++;
    if (reference.length === 0 || got.has(reference[0]!)) bestKept++;
    const distinct = [...new Set(reference)];
    shareSum += distinct.length ? distinct.filter((t) => got.has(t)).length / distinct.length : 1;
  }
}
db.close();
const med = (xs: number[]) => summarize(xs).p50_ms;
console.log(
  JSON.stringify(
    {
      questions: asked,
      rounds: Number(values.rounds),
      k,
      budgets,
      load_average: loadavg().map((x) => Math.round(x * 100) / 100),
      fts5_ms: { p50: summarize(wall.fts5).p50_ms, p95: summarize(wall.fts5).p95_ms, cpu_p50: med(cpu.fts5) },
      search_terms_ms: { p50: summarize(wall.searchTerms).p50_ms, p95: summarize(wall.searchTerms).p95_ms, cpu_p50: med(cpu.searchTerms) },
      fts5_best_text_kept: bestKept / asked,
      fts5_topk_texts_kept: Math.round((shareSum / asked) * 1000) / 1000,
    },
    null,
    1,
  ),
);
