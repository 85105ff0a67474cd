// npx tsx tools/bench/folder-watch.ts [--files 50000] [--per-folder 500]
// Starting the knowledge-folder watch over a generated tree: Node's recursive fs.watch (what main
// did) against the per-folder watch and the stat scan. Prints, for each, how long the start call
// itself blocks, the time until the whole tree is covered, and the longest the event loop was held
// meanwhile (perf_hooks' event-loop delay, max).
import { watch } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { silentLogger } from "../../src/log.js";
import { watchKnowledge, type WatchMode } from "../../src/service/watch-knowledge.js";
import type { ReindexReport } from "../../src/types.js";

const { values } = parseArgs({
  options: { files: { type: "string", default: "50000" }, "per-folder": { type: "string", default: "500" } },
});
const files = Number(values.files);
const perFolder = Number(values["per-folder"]);

const root = await mkdtemp(path.join(tmpdir(), "newsdesk-watch-bench-"));
process.stderr.write(`writing ${files} files into ${root}\n`);
for (let f = 0; f * perFolder < files; f++) {
  const folder = path.join(root, `section-${f}`);
  await mkdir(folder);
  const names = Array.from({ length: Math.min(perFolder, files - f * perFolder) }, (_, i) => path.join(folder, `${i}.md`));
  await Promise.all(names.map((name, i) => writeFile(name, `# Article ${f}-${i}\n\nText.\n`)));
}

const report: ReindexReport = { added: [], changed: [], removed: [], unchanged: 0, problems: [], passages: 0 };
const rows: string[] = [];

async function measure(label: string, start: () => { settled: () => Promise<void>; close: () => Promise<void> | void }) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t = performance.now();
  const handle = start();
  const blocked = performance.now() - t;
  await handle.settled();
  const covered = performance.now() - t;
  delay.disable();
  await handle.close();
  rows.push(`| ${label} | ${blocked.toFixed(1)} ms | ${covered.toFixed(0)} ms | ${(delay.max / 1e6).toFixed(1)} ms |`);
}

await measure("recursive fs.watch (before)", () => {
  const w = watch(root, { recursive: true }, () => undefined);
  return { settled: async () => undefined, close: () => w.close() };
});
for (const mode of ["events", "poll"] as WatchMode[]) {
  await measure(`WATCH_KNOWLEDGE=${mode}`, () => watchKnowledge(root, async () => report, silentLogger, { mode }));
}
await rm(root, { recursive: true, force: true });

console.log(`${files} files in ${Math.ceil(files / perFolder)} folders; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
console.log("| watch | start call blocks | whole tree covered | longest event-loop delay |");
console.log("| --- | --- | --- | --- |");
for (const r of rows) console.log(r);
