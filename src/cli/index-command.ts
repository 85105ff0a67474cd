import { loadConfig } from "../config/index.js";
import { createNewsdesk } from "../app.js";
import { createLogger } from "../log.js";
import { COMMON_FLAGS, configOverrides, parseFlags } from "./parse-flags.js";
import { runCommand } from "./run-command.js";
import { UsageError } from "../errors.js";

const USAGE = `Usage: newsdesk index [--knowledge DIR] [--models DIR] [--lexical] [--json]
  Builds or refreshes the index; with --json prints every passage as one JSON line.`;

await runCommand(USAGE, async () => {
  const { values, positionals } = parseFlags(process.argv.slice(2), COMMON_FLAGS);
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
  const config = loadConfig(configOverrides(values));
  const logger = createLogger({ level: config.LOG_LEVEL });
  const started = Date.now();
  // The app refreshes the index (and embeds passages in model mode) as it starts: once.
  const newsdesk = await createNewsdesk(config, logger);
  try {
    const { articles, passages } = newsdesk.status();
    if (values.json) {
      for (const p of newsdesk.eachPassage()) {
        process.stdout.write(
          JSON.stringify({ id: p.id, articleId: p.articleId, title: p.title, paragraph: p.paragraph, text: p.text }) + "\n",
        );
      }
    } else {
      const skipped = (await newsdesk.startup).problems.length;
      process.stdout.write(
        `Indexed ${articles} articles, ${passages} passages in ${((Date.now() - started) / 1000).toFixed(1)} s` +
          (skipped ? `; ${skipped} files skipped (see above)` : "") +
          "\n",
      );
    }
  } finally {
    await newsdesk.close();
  }
  return 0;
});
