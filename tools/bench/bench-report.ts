// The bench result as tables for people, beside the targets of the issue. Pure.
import type { Mode } from "../../src/types.js";
import { formatNumber, table, type Row } from "./report-table.js";
import type { BenchResult } from "./run-bench.js";

/** The targets (q8, default shapes, BBC, 2 cores). */
export const TARGETS = {
  askModelP50: 300,
  askModelP95: 600,
  askLexicalP50: 20,
  passagesPerS: 100,
  rssMb: 600,
  coldStartMs: 5000,
};

const verdict = (ok: boolean | null) => (ok === null ? "" : ok ? "ok" : "MISSED");

export function benchReport(r: BenchResult): string {
  const rows: Row[] = [];
  const add = (what: string, value: number | null, unit: string, target: string, ok: boolean | null) =>
    rows.push([what, value === null ? "-" : value, unit, target, verdict(value === null ? null : ok)]);
  for (const mode of ["model", "lexical"] as Mode[]) {
    const c = r.cold_start[mode];
    if (!c) continue;
    add(
      `cold start, ${mode}, index cached`,
      c.cached_ms,
      "ms",
      mode === "model" ? "≤ 5000" : "",
      mode === "model" ? c.cached_ms <= TARGETS.coldStartMs : null,
    );
    add(`cold start, ${mode}, not cached${c.uncached_estimated ? " (estimated)" : ""}`, c.uncached_ms, "ms", "", null);
  }
  add(
    "peak RSS" + (r.cold_start.model ? " (both models loaded, answering)" : " (lexical)"),
    r.rss_peak_mb,
    "MB",
    "≤ 600",
    r.cold_start.model ? r.rss_peak_mb <= TARGETS.rssMb : null,
  );
  if (r.compiled) {
    const withModels = Boolean(r.cold_start.model);
    add(
      "cold start, compiled JS under node, cached",
      r.compiled.cold_start_ms,
      "ms",
      withModels ? "≤ 5000" : "",
      withModels ? r.compiled.cold_start_ms <= TARGETS.coldStartMs : null,
    );
    add(
      "peak RSS, compiled JS under node",
      r.compiled.rss_peak_mb,
      "MB",
      withModels ? "≤ 600" : "",
      withModels ? r.compiled.rss_peak_mb <= TARGETS.rssMb : null,
    );
  }
  add(
    "indexing, model mode",
    r.index.passages_per_s,
    "passages/s",
    "≥ 100",
    r.index.passages_per_s === null ? null : r.index.passages_per_s >= TARGETS.passagesPerS,
  );
  add(
    "indexing, model mode",
    r.index.tokens_per_s,
    r.index.model?.tokens_counted ? "tokens/s (tokenizer's count)" : "word pieces/s (estimated)",
    "",
    null,
  );
  add("indexing, lexical mode", r.index.lexical_passages_per_s, "passages/s", "", null);
  for (const mode of ["model", "lexical"] as Mode[]) {
    const a = r.ask[mode];
    if (!a) continue;
    const p50Target = mode === "model" ? TARGETS.askModelP50 : TARGETS.askLexicalP50;
    add(`ask p50, ${mode}`, a.p50_ms, "ms", `≤ ${p50Target}`, a.p50_ms <= p50Target);
    add(`ask p95, ${mode}`, a.p95_ms, "ms", mode === "model" ? "≤ 600" : "", mode === "model" ? a.p95_ms <= TARGETS.askModelP95 : null);
    add(`ask p99, ${mode}`, a.p99_ms, "ms", "", null);
    const s = r.summarize[mode];
    if (s) add(`summarize p50 / article, ${mode}`, s.p50_ms, "ms", "", null);
  }
  const out = [
    `Newsdesk bench — corpus ${r.corpus} (${r.passages} passages), ${r.questions} questions, ${r.dtype}, ${r.machine.cpus} cores` +
      (r.cold_start.model ? `, ${r.tokenizers} tokenizers` : ""),
    "(the targets are the issue's, set for q8, default shapes, the BBC corpus and 2 cores)",
    "",
    table(["figure", "value", "unit", "target", ""], rows),
  ];
  if (r.efficiency) {
    const e = r.efficiency;
    out.push(
      "",
      `matrix-multiply peak (${e.peak.dtype}, ${e.peak.shape.join("×")}, ${e.peak.threads} threads): ${formatNumber(e.peak.gflops)} GFLOP/s`,
    );
    out.push(
      table(
        ["model run", "tokens", "ms", "GFLOP", "GFLOP/s", "of peak"],
        e.runs.map((x) => [`${x.what}`, x.batch * x.tokens, x.median_ms, x.gflop_per_run, x.gflops, `${Math.round(x.of_peak * 100)}%`]),
      ),
    );
  }
  if (r.models) {
    out.push(
      "",
      table(
        ["generated model", "MB", "published MB", "layers", "published", "match"],
        r.models.map((m) => [m.modelId, m.mb, m.published_mb, m.layers, m.published_layers, m.matches ? "yes" : "NO"]),
      ),
    );
  }
  if (r.vector_search.length) {
    out.push(
      "",
      table(
        ["vectors (384-d)", "flat ms/query", "HNSW ms/query", "HNSW recall@10", "HNSW build s", "queries"],
        r.vector_search.map((v) => [
          v.vectors,
          v.ms_per_query,
          v.approximate?.ms_per_query ?? "-",
          v.approximate?.recall_at_10 ?? "-",
          v.approximate?.build_s ?? "-",
          v.queries,
        ]),
      ),
    );
  }
  return out.join("\n") + "\n";
}
