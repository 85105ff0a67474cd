// npm run summarize -- [--knowledge DIR] [--json] [--sentences N | --length short|medium|long] ARTICLE_ID
// npm run summarize -- [--knowledge DIR] [--json] [--sentences N | --length ...] --topic TEXT
// Standard output carries only the result; logs go to standard error.
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { NewsdeskError, UsageError } from "../errors.js";
import { sentenceCount } from "../summarize/length.js";
import type { Newsdesk, Summary, SummaryLength, SummaryOptions, SummaryResult } from "../types.js";

export const USAGE = [
  "usage: npm run summarize -- [--knowledge DIR] [--json] [--sentences N | --length short|medium|long] ARTICLE_ID",
  "       npm run summarize -- [--knowledge DIR] [--json] [--sentences N | --length short|medium|long] --topic TEXT",
].join("\n");

export type SummarizeCommand =
  | { kind: "help" }
  | { kind: "article"; articleId: string; options: SummaryOptions; json: boolean; knowledge?: string }
  | { kind: "topic"; topic: string; options: SummaryOptions; json: boolean; knowledge?: string };

/** Parses the command line; throws UsageError with the reason when it is wrong. */
export function parseSummarizeArgs(argv: readonly string[]): SummarizeCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        knowledge: { type: "string" },
        json: { type: "boolean", default: false },
        sentences: { type: "string" },
        length: { type: "string" },
        topic: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.sentences !== undefined && values.length !== undefined) throw new UsageError("give --sentences or --length, not both");
  const options: SummaryOptions = {};
  if (values.sentences !== undefined) {
    if (!/^\d+$/.test(values.sentences)) throw new UsageError(`--sentences must be a whole number, got "${values.sentences}"`);
    options.sentences = Number(values.sentences);
  }
  if (values.length !== undefined) options.length = values.length as SummaryLength;
  sentenceCount(options); // validates the range and the length name
  const common = { options, json: values.json, ...(values.knowledge !== undefined && { knowledge: values.knowledge }) };
  if (values.topic !== undefined) {
    if (positionals.length > 0) throw new UsageError("give an ARTICLE_ID or --topic TEXT, not both");
    if (!values.topic.trim()) throw new UsageError("--topic needs some text");
    return { kind: "topic", topic: values.topic.trim(), ...common };
  }
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length ? "give one ARTICLE_ID" : "give an ARTICLE_ID or --topic TEXT");
  }
  return { kind: "article", articleId: positionals[0]!, ...common };
}

/** Title, numbered sentences with paragraph citations (and the article for digests), then the mode. */
export function formatSummaryText(summary: Summary): string {
  const lines = [summary.title, ""];
  if (summary.sentences.length === 0) lines.push("(no sentences to summarise)");
  summary.sentences.forEach((s, i) => {
    const cite = summary.articleId === null ? `(${s.articleId} ¶${s.paragraph})` : `(¶${s.paragraph})`;
    lines.push(`${i + 1}. ${s.text} ${cite}`);
  });
  lines.push("", `mode: ${summary.mode}`);
  return lines.join("\n") + "\n";
}

export function formatSummaryJson(summary: Summary): string {
  const { articleId, title, mode, sentences } = summary;
  const out = { articleId, title, mode, sentences: sentences.map(({ text, articleId: a, paragraph }) => ({ text, articleId: a, paragraph })) };
  return JSON.stringify(out, null, 2) + "\n";
}

export function unknownArticleMessage(articleId: string, closest: readonly string[]): string {
  const hint = closest.length ? ` Closest: ${closest.join(", ")}.` : "";
  return `No article "${articleId}" in the knowledge folder.${hint}\n`;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Opens the core for a knowledge folder (the default reads config and builds the app). */
export type OpenNewsdesk = (knowledgeDir: string | undefined) => Promise<Newsdesk>;

/** Runs the command; returns the exit code (0 done, 1 unknown article or failure, 2 bad usage). */
export async function runSummarize(argv: readonly string[], io: CliIo, open: OpenNewsdesk): Promise<number> {
  let command: SummarizeCommand;
  try {
    command = parseSummarizeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const desk = await open(command.knowledge);
  try {
    const result: SummaryResult =
      command.kind === "topic"
        ? await desk.summarizeTopic(command.topic, command.options)
        : await desk.summarize(command.articleId, command.options);
    if ("kind" in result) {
      io.stderr(unknownArticleMessage(result.articleId, result.closest));
      if (command.json) io.stdout(JSON.stringify(result, null, 2) + "\n");
      return 1;
    }
    io.stdout(command.json ? formatSummaryJson(result) : formatSummaryText(result));
    return 0;
  } finally {
    await desk.close();
  }
}

async function openApp(knowledgeDir: string | undefined): Promise<Newsdesk> {
  const { loadConfig } = await import("../config/index.js");
  const { createLogger } = await import("../log.js");
  const appModule = "../app.js"; // written by the core; loaded at run time so this file builds before it lands
  const { createNewsdesk } = (await import(appModule)) as {
    createNewsdesk: (config: unknown, logger: unknown) => Promise<Newsdesk> | Newsdesk;
  };
  const config = loadConfig(knowledgeDir !== undefined ? { KNOWLEDGE_DIR: knowledgeDir } : {});
  return createNewsdesk(config, createLogger({ level: config.LOG_LEVEL }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  try {
    process.exitCode = await runSummarize(process.argv.slice(2), io, openApp);
  } catch (error) {
    // People get one line; the stack goes to standard error only when asked for (LOG_LEVEL=debug).
    io.stderr(`${error instanceof NewsdeskError ? error.message : String(error)}\n`);
    if (process.env.LOG_LEVEL === "debug" && error instanceof Error) io.stderr(`${error.stack}\n`);
    process.exitCode = error instanceof NewsdeskError && (error.code === "CONFIG" || error.code === "USAGE") ? 2 : 1;
  }
}
