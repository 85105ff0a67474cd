import { refreshIndex } from "../search/refresh.js";
import { loadConfig } from "../config/index.js";
import { createNewsdesk } from "../app.js";
import { repairText } from "../knowledge/repair/index.js";
import { createLogger } from "../log.js";
import { COMMON_FLAGS, configOverrides, parseFlags } from "./parse-flags.js";
import { runCommand } from "./run-command.js";
import { UsageError } from "../errors.js";

const USAGE = `Usage: npm run index -- [--knowledge DIR] [--models DIR] [--lexical] [--json]
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
  // The app refreshes the index (and embeds passages in model mode) as it starts.
  const newsdesk = await createNewsdesk(config, logger);
  await newsdesk.close();
  // A second refresh reads the now-current cache: cheap, and gives the passages in order.
  const { items, report } = await refreshIndex({
    knowledgeDir: config.KNOWLEDGE_DIR,
    cacheDir: config.CACHE_DIR,
    repair: repairText,
    logger: createLogger({ level: "error" }),
  });
  if (values.json) {
    for (const { passages } of items) {
      for (const p of passages)
        process.stdout.write(
          JSON.stringify({ id: p.id, articleId: p.articleId, title: p.title, paragraph: p.paragraph, text: p.text }) + "\n",
        );
    }
  } else {
    process.stdout.write(
      `Indexed ${items.length} articles, ${report.passages} passages in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (report.problems.length ? `; ${report.problems.length} files skipped (see above)` : "") +
        "\n",
    );
  }
  return 0;
});
