// `npm run eval -- ingest`: extraction quality through the ingest path. 200 BBC articles are
// served as news pages with site chrome by a local fixture site; the ingester walks its sitemap
// index, fetches every page and writes the knowledge files; each file is then loaded as the index
// loads it (front matter, Markdown, text repair) and compared with the BBC text: article words
// recovered, words added that are not the article's (boilerplate), and words glued together.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildArticle } from "../../src/knowledge/build-article.js";
import { parseMarkdown } from "../../src/knowledge/parse-markdown.js";
import { repairText } from "../../src/knowledge/repair/index.js";
import { createFetcher } from "../../src/ingest/fetcher.js";
import { createIngester } from "../../src/ingest/ingester.js";
import { openStore } from "../../src/ingest/store.js";
import { openValidators } from "../../src/ingest/validators.js";
import { silentLogger } from "../../src/log.js";
import { scoreExtraction, type ExtractionScore } from "../ingest/extraction-metrics.js";
import { bbcSample } from "../ingest/fixture-pages.js";
import { startFixtureSite } from "../ingest/fixture-site.js";

export interface IngestEval {
  pages: number;
  stored: number;
  duplicates: number;
  failed: { url: string; reason: string }[];
  /** As loaded by the index (after text repair). */
  loaded: { recoveredPct: number; addedPct: number; glued: number; worstRecoveredPct: number };
  /** The Markdown body as written, before repair. */
  written: { recoveredPct: number; addedPct: number; glued: number };
  addedSample: string[];
}

function totals(scores: ExtractionScore[]) {
  const sum = (k: keyof ExtractionScore) => scores.reduce((s, x) => s + (x[k] as number), 0);
  return {
    recoveredPct: (100 * sum("recovered")) / sum("articleWords"),
    addedPct: (100 * sum("added")) / sum("extractedWords"),
    glued: sum("glued"),
  };
}

export async function evalIngest(dataDir: string, count = 200): Promise<IngestEval> {
  const articles = bbcSample(dataDir, count);
  const site = await startFixtureSite(articles);
  const knowledge = mkdtempSync(path.join(tmpdir(), "newsdesk-eval-ingest-"));
  try {
    const ingester = createIngester({
      fetcher: createFetcher({
        userAgent: "Newsdesk/eval",
        robotsAgent: "Newsdesk",
        timeoutMs: 20_000,
        maxBytes: 5_000_000,
        maxRedirects: 5,
        allowPrivate: true,
        hostDelayMs: 0,
        maxRetryWaitMs: 5000,
      }),
      store: await openStore(knowledge),
      validators: await openValidators(path.join(knowledge, ".cache")),
      logger: silentLogger,
      sitemapLimit: count,
    });
    const outcomes = await ingester.ingest(`${site.origin}/sitemap-index.xml`);
    const loaded: ExtractionScore[] = [];
    const written: ExtractionScore[] = [];
    const failed: IngestEval["failed"] = [];
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const outcome of outcomes) {
      if (outcome.kind === "failed" || outcome.kind === "not-modified") {
        failed.push({ url: outcome.url, reason: outcome.kind === "failed" ? outcome.reason : "304" });
        continue;
      }
      const article = byId.get(new URL(outcome.url).pathname.split("/").pop()!);
      if (!article) throw new Error(`no fixture article behind ${outcome.url}`);
      const original = article.paragraphs.join("\n\n");
      const bytes = readFileSync(path.join(knowledge, outcome.file));
      written.push(scoreExtraction(original, parseMarkdown(bytes.toString("utf8")).body));
      loaded.push(scoreExtraction(original, buildArticle(outcome.file, bytes, repairText).text));
    }
    const worst = Math.min(...loaded.map((s) => (100 * s.recovered) / s.articleWords));
    return {
      pages: articles.length,
      stored: outcomes.filter((o) => o.kind === "added").length,
      duplicates: outcomes.filter((o) => o.kind === "duplicate").length,
      failed,
      loaded: { ...totals(loaded), worstRecoveredPct: worst },
      written: totals(written),
      addedSample: loaded.flatMap((s) => s.addedSample).slice(0, 20),
    };
  } finally {
    await site.close();
    rmSync(knowledge, { recursive: true, force: true });
  }
}

export function formatIngestEval(r: IngestEval): string {
  const pct = (x: number) => `${x.toFixed(2)} %`;
  return [
    `pages served (BBC articles in site chrome)   ${r.pages}`,
    `stored / duplicates / failed                 ${r.stored} / ${r.duplicates} / ${r.failed.length}`,
    `article words recovered (as indexed)         ${pct(r.loaded.recoveredPct)}   (target ≥ 98 %; worst page ${pct(r.loaded.worstRecoveredPct)})`,
    `boilerplate words added (as indexed)         ${pct(r.loaded.addedPct)}   (target ≤ 1 %)`,
    `glued words introduced (as indexed)          ${r.loaded.glued}   (target 0)`,
    `as written, before text repair: recovered ${pct(r.written.recoveredPct)}, added ${pct(r.written.addedPct)}, glued ${r.written.glued}`,
    ...(r.addedSample.length ? [`added words, first ones: ${r.addedSample.join(" ")}`] : []),
    ...r.failed.map((f) => `failed: ${f.url}: ${f.reason}`),
  ].join("\n");
}
