import { readFile } from "node:fs/promises";
import { createNewsdesk } from "../app.js";
import { loadConfig } from "../config/index.js";
import { QuestionError, UsageError } from "../errors.js";
import { createLogger } from "../log.js";
import type { Newsdesk } from "../types.js";
import { answerJson, answerText } from "./format-answer.js";
import { COMMON_FLAGS, configOverrides, parseFlags } from "./parse-flags.js";
import { runCommand } from "./run-command.js";

const USAGE = `Usage:
  npm run ask -- [--knowledge DIR] [--models DIR] [--lexical] [--json] "QUESTION"
  npm run ask -- [--knowledge DIR] --json --questions FILE   (one question a line; - for stdin)`;

async function readQuestions(file: string): Promise<string[]> {
  const text = file === "-" ? await new Response(process.stdin as unknown as ReadableStream).text() : await readFile(file, "utf8");
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}

async function answerOne(newsdesk: Newsdesk, question: string, json: boolean): Promise<void> {
  try {
    const answer = await newsdesk.ask(question);
    process.stdout.write((json ? JSON.stringify(answerJson(answer)) : answerText(answer)) + "\n");
  } catch (error) {
    // In a batch, one unaskable question must not stop the others.
    if (!(error instanceof QuestionError) || !json) throw error;
    process.stdout.write(JSON.stringify({ question, found: false, error: error.message }) + "\n");
  }
}

await runCommand(USAGE, async () => {
  const { values, positionals } = parseFlags(process.argv.slice(2), { ...COMMON_FLAGS, questions: { type: "string" } });
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (values.questions !== undefined && positionals.length) throw new UsageError("Give either a question or --questions FILE, not both.");
  if (values.questions === undefined && positionals.length !== 1) throw new UsageError("Give one question (quote it).");
  const config = loadConfig(configOverrides(values));
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
  const questions = values.questions !== undefined ? await readQuestions(values.questions) : positionals;
  const newsdesk = await createNewsdesk(config, logger);
  try {
    for (const question of questions) await answerOne(newsdesk, question, values.json === true);
  } finally {
    await newsdesk.close();
  }
  return 0;
});
