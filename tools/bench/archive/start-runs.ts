// The archive bench's start figures, repeated: `npm run ask`'s cold start, the bot's start (and its
// background comparison of the folder), and with --serve the bot's reindex after one edited file
// against its peak before, each in a fresh compiled process, runs interleaved, medians printed.
// Measures an archive already built by `npm run bench -- --corpus synthetic:N` (or a copy of one):
//   npx tsx tools/bench/archive/start-runs.ts --knowledge DIR --cache DIR [--runs 3] [--serve]
//     [--child A.js --child B.js=CACHE2]   compiled archive-child.js files to compare (default: this
//     checkout), each with its own cache folder after "=" if it was built by other indexing code
// The serve phase edits one article of the folder and undoes it: run it on a copy you own.
import { execFile } from "node:child_process";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { compileForBench } from "../compiled-build.js";
import { median } from "../percentiles.js";

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    knowledge: { type: "string" },
    cache: { type: "string" },
    runs: { type: "string", default: "3" },
    serve: { type: "boolean", default: false },
    child: { type: "string", multiple: true },
    "work-dir": { type: "string", default: ".newsdesk/start-runs" },
  },
});
if (!values.knowledge || !values.cache) throw new Error("give --knowledge DIR and --cache DIR (an archive already indexed)");
const knowledge = path.resolve(values.knowledge);
const cache = path.resolve(values.cache);
const planted = path.join(knowledge, ".planted.json");
const children = values.child?.map((c) => c.split("=").map((p) => path.resolve(p))) ?? [
  [path.join(path.dirname(await compileForBench(values["work-dir"])), "archive", "archive-child.js")],
];

type Figures = Record<string, number>;
const FIGURES: Record<string, string[]> = {
  ask: ["first_answer_ms", "first_answer_cpu_ms", "rss_peak_mb"],
  start: ["first_answer_ms", "first_answer_cpu_ms", "startup_check_ms", "rss_peak_checked_mb"],
  serve: ["first_answer_ms", "rss_peak_serving_mb", "rss_settled_mb", "reindex_one_ms", "reindex_changed", "rss_peak_after_reindex_mb"],
};
const phases = ["ask", "start", ...(values.serve ? ["serve"] : [])];
const results = new Map<string, Figures[]>();

for (let r = 0; r < Number(values.runs); r++) {
  for (const phase of phases) {
    for (const [child, ownCache] of children) {
      const { stdout } = await run(process.execPath, [child!, phase, knowledge, ownCache ?? cache, planted], { maxBuffer: 64 << 20 });
      const out = JSON.parse(stdout.trim().split("\n").pop()!) as Figures;
      const key = `${phase} ${child}`;
      results.set(key, [...(results.get(key) ?? []), out]);
      process.stderr.write(`run ${r + 1} ${key}: ${FIGURES[phase]!.map((f) => `${f} ${Math.round(out[f] ?? NaN)}`).join(", ")}\n`);
    }
  }
}
for (const [key, outs] of results) {
  const phase = key.split(" ")[0]!;
  const medians = FIGURES[phase]!.map((f) => `${f} ${Math.round(median(outs.map((o) => o[f] ?? NaN)))}`);
  if (phase === "serve") {
    // Against the bot once its start settled (a child built before that figure: its peak while serving).
    const rise = outs.map((o) => (o.rss_peak_after_reindex_mb! / (o.rss_settled_mb ?? o.rss_peak_serving_mb!) - 1) * 100);
    medians.push(`reindex peak rise ${median(rise).toFixed(1)} %`);
  }
  console.log(`${key} (median of ${outs.length}): ${medians.join(", ")}`);
}
