import { loadConfig } from "../config/index.js";
import { UsageError } from "../errors.js";
import { openIngester, type IngestOutcome } from "../ingest/index.js";
import { createLogger } from "../log.js";
import { parseFlags } from "./parse-flags.js";
import { runCommand } from "./run-command.js";

const USAGE = `Usage:
  newsdesk ingest [--knowledge DIR] [--json] URL…
    URL: an article page, a sitemap.xml or sitemap index, or an RSS/Atom feed.
    Articles are written to KNOWLEDGE_DIR/INGEST_DIR/<host>/<slug>.md.`;

function line(o: IngestOutcome): string {
  switch (o.kind) {
    case "failed":
      return `failed      ${o.url}  ${o.reason}`;
    case "not-modified":
      return `unchanged   ${o.url}  (304 Not Modified)`;
    case "duplicate":
      return `duplicate   ${o.url}  same text as ${o.of} (${o.file})`;
    default:
      return `${o.kind.padEnd(11)} ${o.url}  ${o.file}`;
  }
}

await runCommand(USAGE, async () => {
  const { values, positionals } = parseFlags(process.argv.slice(2), {
    knowledge: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (!positionals.length) throw new UsageError("Give at least one URL.");
  const config = loadConfig(typeof values.knowledge === "string" ? { KNOWLEDGE_DIR: values.knowledge } : {});
  // Results go to standard output; the log keeps warnings (one line per failure) unless asked for more.
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
  const ingester = await openIngester(config, logger);
  let failures = 0;
  try {
    for (const url of positionals) {
      for (const outcome of await ingester.ingest(url)) {
        if (outcome.kind === "failed") failures++;
        process.stdout.write((values.json ? JSON.stringify(outcome) : line(outcome)) + "\n");
      }
    }
  } finally {
    await ingester.flush();
  }
  return failures ? 1 : 0;
});
