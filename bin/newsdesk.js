#!/usr/bin/env node
// `newsdesk <command> …` (also `npx newsdesk …` in a checkout: npm links the package's own bin).
// Runs the compiled entry point (dist/, after `npm run build`) when it is at least as new as the
// sources, else the TypeScript source through tsx. The command runs in this process, so standard
// output carries only its results, and its exit code and signals are the command's own.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const COMMANDS = {
  ask: ["cli/ask", "answer a question (or --questions FILE) from the knowledge folder"],
  summarize: ["cli/summarize", "summarise an article, or --topic TEXT across articles"],
  index: ["cli/index-command", "build or refresh the index"],
  ingest: ["cli/ingest", "fetch articles (pages, sitemaps, feeds) into the knowledge folder"],
  models: ["cli/models", "fetch or check the models"],
  bot: ["discord/main", "run the Discord bot"],
  "deploy-commands": ["discord/deploy-commands", "register the slash commands with Discord"],
};
const USAGE = `Usage: newsdesk <command> [options]   (newsdesk <command> --help for its options)

${Object.entries(COMMANDS)
  .map(([name, [, what]]) => `  ${name.padEnd(16)} ${what}`)
  .join("\n")}
`;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The compiled file when the build is current (or there are no sources), else the source. */
function entryPoint(module) {
  const compiled = join(ROOT, "dist", `${module}.js`);
  const source = join(ROOT, "src", `${module}.ts`);
  const buildInfo = join(ROOT, "dist", ".tsbuildinfo");
  if (!existsSync(source)) return { file: compiled, typescript: false };
  const built = existsSync(compiled) && existsSync(buildInfo) && statSync(buildInfo).mtimeMs >= newestMtime(join(ROOT, "src"));
  return built ? { file: compiled, typescript: false } : { file: source, typescript: true };
}

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === "--help" || command === "-h" || command === "help") {
  process.stdout.write(USAGE);
  process.exitCode = command === undefined ? 2 : 0;
} else if (!Object.hasOwn(COMMANDS, command)) {
  process.stderr.write(`newsdesk: unknown command "${command}"\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  const { file, typescript } = entryPoint(COMMANDS[command][0]);
  if (typescript) {
    try {
      const { register } = await import("tsx/esm/api");
      register();
    } catch {
      process.stderr.write("newsdesk: the sources need tsx (npm install) or a build (npm run build)\n");
      process.exit(1);
    }
  }
  // The entry points read their flags from process.argv, and some check argv[1] is themselves.
  process.argv = [process.argv[0], file, ...rest];
  await import(pathToFileURL(file).href);
}
