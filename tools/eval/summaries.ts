// Extractive summary quality on the BBC News Summary data: precision@k against the reference
// sentences and ROUGE-1/2 F at k sentences, next to lead-k and seeded random-k in the same run.
// Run: npx tsx tools/eval/summaries.ts [--data DIR] [--split all|tune|check] [--limit N]
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Article, Summary } from "../../src/types.js";
import { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } from "ts-textrank";
import { leadK, randomK, seededRandom } from "./summaries/baselines.js";
import { evalCases, parseBbcRows } from "./summaries/bbc.js";
import { referenceHits, rougeN } from "./summaries/metrics.js";
import { summarizeArticle } from "../../src/summarize/summarize-article.js";
import { SENTENCE_RANKER, type SentenceRanker } from "../../src/summarize/sentence-ranker.js";

export interface EvalSummariesOptions {
  /** Sentences per summary (k); 3 by default. */
  sentences?: number;
  /** "tune": even-numbered cases, "check": odd-numbered (held out from tuning), "all" (default). */
  split?: "all" | "tune" | "check";
  limit?: number;
  seed?: number;
  ranker?: Partial<SentenceRanker>;
}

export interface SystemScore {
  system: string;
  precision: number;
  precisionJoined: number;
  rouge1: number;
  rouge2: number;
  /** Mean words per summary: ROUGE at a fixed sentence count rewards longer sentences. */
  words: number;
  /** Share of picked sentences in each quarter of the article (by character offset). */
  quarters: number[];
  /** Median milliseconds to summarise one article, in this process (a cost guide, not a benchmark). */
  medianMs: number;
}

export interface EvalSummariesResult {
  articles: number;
  sentences: number;
  split: string;
  systems: SystemScore[];
  /** The same profile for the reference summaries' sentences. */
  referenceQuarters: number[];
}

function shares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  return counts.map((c) => c / total);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

type System = (article: Article) => Promise<string[]>;

const texts = (summary: Summary) => summary.sentences.map((s) => s.text);

/** The npm peer, ts-textrank 1.0.3 (TextRank over Sørensen–Dice word overlap), as its README uses it. */
function textRank(k: number): System {
  const config = new AbsoluteSummarizerConfig(k, new SorensenDiceSimilarity(), new DefaultTextParser(), 0.85, Summarizer.SORT_OCCURENCE);
  return async (article) => new Summarizer(config, new NullLogger()).summarize(article.text, "en");
}

/** Where in the article (by character offset) each text stands, as a share of picks per quarter. */
function quarterProfile(article: Article, chosen: readonly string[], profile: number[]): void {
  for (const t of chosen) {
    const at = article.text.indexOf(t.trim());
    if (at < 0) continue;
    profile[Math.min(3, Math.floor((4 * at) / Math.max(1, article.text.length)))]! += 1;
  }
}

export async function evalSummaries(dataDir: string, options: EvalSummariesOptions = {}): Promise<EvalSummariesResult> {
  const k = options.sentences ?? 3;
  const split = options.split ?? "all";
  const rows = parseBbcRows(await readFile(join(dataDir, "bbc", "bbc_articles_summaries.jsonl"), "utf8"));
  let cases = evalCases(rows).filter((_, i) => split === "all" || i % 2 === (split === "tune" ? 0 : 1));
  if (options.limit) cases = cases.slice(0, options.limit);
  const ranker = { ...SENTENCE_RANKER, ...options.ranker };
  const random = seededRandom(options.seed ?? 42);
  const systems: [string, System][] = [
    ["newsdesk (lexical)", async (a) => texts(await summarizeArticle(a, { sentences: k }, undefined, ranker))],
    ["ts-textrank 1.0.3", textRank(k)],
    [`lead-${k}`, async (a) => texts(leadK(a, k))],
    [`random-${k} (seed ${options.seed ?? 42})`, async (a) => texts(randomK(a, k, random))],
  ];
  const scores: SystemScore[] = [];
  for (const [name, run] of systems) {
    const profile = [0, 0, 0, 0];
    let exact = 0,
      joined = 0,
      chosen = 0,
      r1 = 0,
      r2 = 0,
      words = 0;
    const ms: number[] = [];
    for (const c of cases) {
      const started = performance.now();
      const texts = await run(c.article);
      ms.push(performance.now() - started);
      quarterProfile(c.article, texts, profile);
      const hits = referenceHits(texts, c.references);
      exact += hits.exact;
      joined += hits.joined;
      chosen += texts.length;
      const reference = c.references.join(" ");
      words += texts.join(" ").split(/\s+/).filter(Boolean).length;
      r1 += rougeN(texts.join(" "), reference, 1);
      r2 += rougeN(texts.join(" "), reference, 2);
    }
    const n = Math.max(cases.length, 1);
    scores.push({
      system: name,
      precision: exact / Math.max(chosen, 1),
      precisionJoined: joined / Math.max(chosen, 1),
      rouge1: r1 / n,
      rouge2: r2 / n,
      words: words / n,
      quarters: shares(profile),
      medianMs: median(ms),
    });
  }
  const references = [0, 0, 0, 0];
  for (const c of cases) quarterProfile(c.article, c.references, references);
  return { articles: cases.length, sentences: k, split, systems: scores, referenceQuarters: shares(references) };
}

export function formatSummariesTable(result: EvalSummariesResult): string {
  const k = result.sentences;
  const head = [`system`, `P@${k} exact`, `P@${k} joined`, `ROUGE-1 F`, `ROUGE-2 F`, `words`, `ms/article`, `picks by quarter`];
  const quarters = (q: number[]) => q.map((x) => `${Math.round(100 * x)}%`.padStart(4)).join(" ");
  const rows = result.systems.map((s) => [
    s.system,
    ...[s.precision, s.precisionJoined, s.rouge1, s.rouge2].map((x) => x.toFixed(3)),
    s.words.toFixed(1),
    s.medianMs.toFixed(2),
    quarters(s.quarters),
  ]);
  rows.push(["reference sentences", "", "", "", "", "", "", quarters(result.referenceQuarters)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  const half =
    { tune: " (tuning half: even-numbered)", check: " (held-out half: odd-numbered, not trained on)", all: "" }[result.split] ?? "";
  return [
    `BBC News Summary, ${result.articles} articles${half}, ${k} sentences each;`,
    `ROUGE F at ${k} sentences against the reference sentences joined; ms/article is the median in this run.`,
    line(head),
    ...rows.map(line),
  ].join("\n");
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const split = (flag(args, "--split") ?? "all") as EvalSummariesOptions["split"];
  const limit = flag(args, "--limit");
  const result = await evalSummaries(flag(args, "--data") ?? "../shared/data", {
    split,
    ...(limit ? { limit: Number(limit) } : {}),
  });
  process.stdout.write(formatSummariesTable(result) + "\n");
}
