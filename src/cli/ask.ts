import { readFile } from "node:fs/promises";
import { createNewsdesk } from "../app.js";
import { normaliseQuestion } from "../answer/question.js";
import { loadConfig } from "../config/index.js";
import { QuestionError, UsageError } from "../errors.js";
import { createLogger } from "../log.js";
import type { Newsdesk } from "../types.js";
import { errorJson } from "./error-json.js";
import { answerJson, answerText } from "./format-answer.js";
import { COMMON_FLAGS, configOverrides, parseFlags } from "./parse-flags.js";
import { runCommand } from "./run-command.js";

const USAGE = `Usage:
  newsdesk ask [--knowledge DIR] [--models DIR] [--lexical] [--json] "QUESTION"
  newsdesk ask [--knowledge DIR] [--json] --questions FILE   (one question a line; - for stdin)
  newsdesk ask --json --conversation --questions FILE        (each line follows up the one before; a blank line starts anew)`;

/** The questions, each with the conversation it belongs to (a blank line starts the next one). */
async function readQuestions(file: string): Promise<Array<{ question: string; conversation: number }>> {
  let text: string;
  try {
    text = file === "-" ? await new Response(process.stdin as unknown as ReadableStream).text() : await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new UsageError(`cannot read the questions file ${file}: ${reason}`, { file });
  }
  let conversation = 0;
  const questions: Array<{ question: string; conversation: number }> = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") conversation += questions.length && questions[questions.length - 1]!.conversation === conversation ? 1 : 0;
    else questions.push({ question: line, conversation });
  }
  if (questions.length === 0) throw new UsageError(`the questions file ${file} has no questions (one a line)`, { file });
  return questions;
}

/** Answers one question; false when the question was refused (empty, too long) — the others still run. */
async function answerOne(newsdesk: Newsdesk, question: string, json: boolean, batch: boolean, conversation?: string): Promise<boolean> {
  const heading = batch && !json ? `Q: ${question}\n` : "";
  try {
    const answer = await newsdesk.ask(question, conversation === undefined ? undefined : { conversation });
    process.stdout.write(heading + (json ? JSON.stringify(answerJson(answer)) : answerText(answer)) + "\n" + (heading ? "\n" : ""));
    return true;
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    process.stderr.write(`newsdesk: ${error.message}\n`);
    const note = conversation === undefined ? {} : { followUp: false, resolvedQuestion: null };
    if (json) process.stdout.write(JSON.stringify({ question, found: false, ...errorJson(error), ...note }) + "\n");
    else process.stdout.write(`${heading}(not asked: ${error.message})\n\n`);
    return false;
  }
}

await runCommand(USAGE, async () => {
  const { values, positionals } = parseFlags(process.argv.slice(2), {
    ...COMMON_FLAGS,
    questions: { type: "string" },
    conversation: { type: "boolean" },
  });
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (values.questions !== undefined && positionals.length) throw new UsageError("Give either a question or --questions FILE, not both.");
  if (values.questions === undefined && positionals.length !== 1) throw new UsageError("Give one question (quote it).");
  const batch = values.questions !== undefined;
  if (!batch) {
    // A question that cannot be asked is bad usage: say so before loading anything.
    try {
      normaliseQuestion(positionals[0]!);
    } catch (error) {
      if (error instanceof QuestionError) throw new UsageError(error.message, error.context);
      throw error;
    }
  }
  const config = loadConfig(configOverrides(values));
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
  const questions = batch ? await readQuestions(values.questions!) : positionals.map((question) => ({ question, conversation: 0 }));
  const inConversation = values.conversation === true;
  const newsdesk = await createNewsdesk(config, logger);
  let refused = 0;
  try {
    for (const { question, conversation } of questions) {
      const key = inConversation ? `cli:${conversation}` : undefined;
      if (!(await answerOne(newsdesk, question, values.json === true, batch, key))) refused++;
    }
  } finally {
    await newsdesk.close();
  }
  // Every question was tried; a refused one still makes the run a usage error.
  return refused ? 2 : 0;
});
