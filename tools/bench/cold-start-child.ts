// Run in a fresh process by the cold-start spawner: opens the real app with the settings in the
// environment, prints one "ready" line as soon as it can answer, then (optionally) asks the
// questions given in NEWSDESK_BENCH_QUESTIONS (JSON array) and summarises NEWSDESK_BENCH_ARTICLES,
// and prints its peak resident memory. Each line is a JSON object on standard output.
import { createNewsdesk } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { silentLogger } from "../../src/log.js";

const list = (name: string): string[] => JSON.parse(process.env[name] ?? "[]") as string[];

const newsdesk = await createNewsdesk(loadConfig(), silentLogger);
process.stdout.write(
  JSON.stringify({ event: "ready", uptime_ms: performance.now(), mode: newsdesk.status().mode, passages: newsdesk.status().passages }) +
    "\n",
);
for (const question of list("NEWSDESK_BENCH_QUESTIONS")) await newsdesk.ask(question);
for (const id of list("NEWSDESK_BENCH_ARTICLES")) await newsdesk.summarize(id);
// maxRSS is in kilobytes: the process's high-water mark, models and index included.
process.stdout.write(JSON.stringify({ event: "done", rss_peak_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
await newsdesk.close();
