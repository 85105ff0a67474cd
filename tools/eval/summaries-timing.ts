// Median time to summarise one article and to build one topic digest, lexical mode, over BBC
// articles (a timing script, not a test). Run: npx tsx tools/eval/summaries-timing.ts [--data DIR]
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { retrieve } from "../../src/retrieval/retrieve.js";
import { indexArticles } from "../../src/search/memory-index.js";
import { articleFromBody, parseBbcRows } from "./summaries/bbc.js";
import { summarizeArticle, summarizeTopic } from "../../src/summarize/index.js";
import { hasVerb } from "../../src/text/index.js";

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return `median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms over ${s.length} runs`;
}

const args = process.argv.slice(2);
const at = args.indexOf("--data");
const dataDir = at >= 0 && args[at + 1] ? args[at + 1]! : "../shared/data";
const rows = parseBbcRows(await readFile(join(dataDir, "bbc", "bbc_articles_summaries.jsonl"), "utf8")).filter((r) => !r.duplicate_of);
const articles = rows.map((r) => articleFromBody(`${r.category}/${r.id.split("_")[1]}`, r.title, r.text));
const sample = articles.filter((_, i) => i % 10 === 0);

// Load the part-of-speech model once, as a running bot would have done, then warm up.
hasVerb("The model loads once.");
await summarizeArticle(sample[0]!);
const articleMs: number[] = [];
for (const a of sample) {
  const t = performance.now();
  await summarizeArticle(a, { length: "short" });
  articleMs.push(performance.now() - t);
}
const words = sample.map((a) => a.text.split(/\s+/).length).sort((x, y) => x - y);

const { search: index } = await indexArticles(articles);
const byId = new Map(articles.map((a) => [a.id, a]));
const topics = sample.slice(0, 100).map((a) => a.title);
const digestMs: number[] = [];
const withRetrievalMs: number[] = [];
for (const topic of topics) {
  const t0 = performance.now();
  const hits = retrieve(index, topic, { k: 10 });
  const t1 = performance.now();
  await summarizeTopic(topic, hits, byId, { length: "medium" });
  const t2 = performance.now();
  digestMs.push(t2 - t1);
  withRetrievalMs.push(t2 - t0);
}

console.log(`articles: ${articles.length} BBC articles, ${sample.length} timed (median ${words[words.length >> 1]} words)`);
console.log(`summarizeArticle (short, lexical):        ${stats(articleMs)}`);
console.log(`summarizeTopic (medium, 10 passages):     ${stats(digestMs)}`);
console.log(`  retrieval (BM25, k 10) + digest:        ${stats(withRetrievalMs)}`);
