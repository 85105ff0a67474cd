// Model mode at archive scale: N seeded passage vectors of the default embedder's width, written
// straight into an existing index (embedding 1.7 M passages for real takes about 9 hours), then the
// bot started twice in model mode as it runs (compiled, plain node): the first start builds the
// HNSW graph, the second reads it from its file. Then the dense search alone, in this process.
//   npx tsx tools/bench/vector-scale.ts --knowledge DIR --cache DIR --vectors N [--models DIR]
//       [--data DIR] [--max-wait SECONDS] [--restart-wait SECONDS] [--keep-graph] [--no-compiled]
// The index of --knowledge must already be in --cache (`npm run index`, or a copy of the archive
// bench's). Its vectors are replaced; its HNSW graph file is deleted first unless --keep-graph.
// Prints one JSON object; progress and the app's log lines go to standard error.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { silentLogger } from "../../src/log.js";
import { DenseIndex } from "../../src/search/dense-index.js";
import { indexFolder } from "../../src/search/knowledge-index.js";
import { normalArray } from "../generate/random.js";
import { EMBEDDER_ID } from "../generate/shapes.js";
import { createRandom } from "../seeded-random.js";
import { ensureBenchModels } from "./bench-models.js";
import { compileForBench } from "./compiled-build.js";
import { median, percentile } from "./percentiles.js";
import { seedVectors } from "./seed-vectors.js";

const DIMENSION = 384;
const { values } = parseArgs({
  options: {
    knowledge: { type: "string" },
    cache: { type: "string" },
    vectors: { type: "string", default: "1700000" },
    models: { type: "string", default: "./.newsdesk" },
    data: { type: "string", default: "../shared/data" },
    "max-wait": { type: "string", default: "7200" },
    /** The restart's own wait (a build cut short by --max-wait resumes there). */
    "restart-wait": { type: "string" },
    "keep-graph": { type: "boolean", default: false },
    "no-compiled": { type: "boolean", default: false },
  },
});
if (!values.knowledge || !values.cache) throw new Error("--knowledge DIR and --cache DIR are required");
const log = (line: string) => process.stderr.write(`[vector-scale] ${line}\n`);
const knowledgeDir = path.resolve(values.knowledge);
const cacheDir = path.resolve(values.cache);
const folder = indexFolder(cacheDir, knowledgeDir);
const databaseFile = path.join(folder, "index.sqlite");
if (!existsSync(databaseFile)) throw new Error(`no index at ${databaseFile}: index ${knowledgeDir} into ${cacheDir} first`);

const wanted = Number(values.vectors);
const db = new Database(databaseFile, { readonly: true });
const present = (db.prepare("SELECT count(*) AS n FROM vectors WHERE model = ?").get(EMBEDDER_ID) as { n: number }).n;
const passages = (db.prepare("SELECT count(*) AS n FROM passages").get() as { n: number }).n;
const firstRows = db.prepare("SELECT rowid FROM passages ORDER BY rowid LIMIT 40").raw().all() as number[][];
db.close();
const count = Math.min(wanted, passages);
const graphFiles = async () => (await readdir(folder)).filter((f) => /^hnsw-.*\.bin$/.test(f)).map((f) => path.join(folder, f));
if (present !== count) {
  log(`writing ${count} seeded vectors of ${EMBEDDER_ID} (${DIMENSION} d) into ${databaseFile}`);
  const t = performance.now();
  seedVectors(databaseFile, { count, modelId: EMBEDDER_ID, dimension: DIMENSION, log });
  log(`seeded in ${Math.round((performance.now() - t) / 1000)} s`);
  for (const f of await graphFiles()) await rm(f, { force: true });
} else if (!values["keep-graph"]) {
  for (const f of await graphFiles()) await rm(f, { force: true });
}

const tokenizers = path.join(values.data, "model-configs");
const modelsDir = await ensureBenchModels(values.models, "q8", log, existsSync(tokenizers) ? tokenizers : undefined);
// Questions: the text of the first passages' articles' titles as asked by a reader.
const titles = (() => {
  const d = new Database(databaseFile, { readonly: true });
  const rows = d
    .prepare(
      `SELECT a.title FROM passages p JOIN articles a ON a.rowid = p.article WHERE p.rowid IN (${firstRows.map(() => "?").join(",")})`,
    )
    .raw()
    .all(...firstRows.map((r) => r[0]!)) as string[][];
  d.close();
  return [...new Set(rows.map((r) => r[0]!))];
})();
const questions = titles.slice(0, 20).map((t) => `What happened in ${t}?`);
const questionsFile = path.join(folder, "..", "..", "vector-scale-questions.json");
await writeFile(questionsFile, JSON.stringify(questions));

let script = fileURLToPath(new URL("./vector-scale-child.ts", import.meta.url));
if (!values["no-compiled"]) {
  log("compiling the project (the bot runs under plain node)");
  script = path.join(path.dirname(await compileForBench("./.newsdesk")), "vector-scale-child.js");
}

function child(maxWait: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
    const proc = spawn(process.execPath, [...loader, script, knowledgeDir, cacheDir, modelsDir, questionsFile, maxWait], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    proc.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on("data", (c: Buffer) => {
      for (const line of c.toString().split("\n")) if (/vector|HNSW|Embedding|error/i.test(line)) log(`  ${line.slice(0, 240)}`);
    });
    proc.on("error", reject);
    proc.on("close", (code) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Record<string, unknown>);
      else reject(new Error(`the bot process exited with ${code}`));
    });
  });
}

log(`first start: ${count} vectors, the graph ${(await graphFiles()).length ? "from its file" : "built from scratch"}`);
const first = await child(values["max-wait"]!);
const files = await graphFiles();
const graphBytes = files.length ? (await stat(files[0]!)).size : 0;
log(`restart: the graph read from ${files[0] ?? "(none)"}`);
const restart = await child(values["restart-wait"] ?? values["max-wait"]!);

// The dense search alone (the graph read from its file on a worker), seeded queries, k = 50 (the
// depth retrieval reads): only once the graph holds every vector.
let denseAlone: Record<string, number> | null = null;
if ((restart.dense_final as { search?: string } | undefined)?.search === "graph-ready") {
  log("dense search alone");
  const random = createRandom(99);
  const queries = Array.from({ length: 201 }, () => {
    const v = normalArray(random, DIMENSION, 1);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const own = new Database(databaseFile, { readonly: true });
  const dense = new DenseIndex({ db: own, modelId: EMBEDDER_ID, dimension: DIMENSION, graphFile: files[0] ?? "", logger: silentLogger });
  const opening = performance.now();
  await dense.ready();
  const openMs = performance.now() - opening;
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    dense.search(q, 50);
    times.push(performance.now() - t);
  }
  await dense.close();
  own.close();
  times.shift();
  denseAlone = {
    open_ms: Math.round(openMs),
    search_k50_p50_ms: Math.round(median(times) * 100) / 100,
    search_k50_p95_ms: Math.round(percentile(times, 0.95) * 100) / 100,
  };
}
process.stdout.write(
  JSON.stringify({
    vectors: count,
    passages,
    graph_file_mb: Math.round(graphBytes / 1e6),
    first,
    restart,
    dense_alone: denseAlone,
  }) + "\n",
);
