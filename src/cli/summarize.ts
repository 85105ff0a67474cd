// npm run summarize -- [--knowledge DIR] [--json] [--sentences N | --length short|medium|long] ARTICLE_ID
// npm run summarize -- [--knowledge DIR] [--json] [--sentences N | --length ...] --topic TEXT
// Standard output carries only the result; logs go to standard error.
import { pathToFileURL } from "node:url";
import { createNewsdesk } from "../app.js";
import { loadConfig } from "../config/index.js";
import { UsageError } from "../errors.js";
import { createLogger } from "../log.js";
import { sentenceCount } from "../summarize/length.js";
import type { Newsdesk, Summary, SummaryLength, SummaryOptions, SummaryResult } from "../types.js";
import { COMMON_FLAGS, configOverrides, parseFlags } from "./parse-flags.js";
import { runCommand } from "./run-command.js";

export const USAGE = `Usage:
  newsdesk summarize [--knowledge DIR] [--models DIR] [--lexical] [--json] [--sentences N | --length short|medium|long] ARTICLE_ID
  newsdesk summarize [--knowledge DIR] [--models DIR] [--lexical] [--json] [--sentences N | --length short|medium|long] --topic TEXT`;

export type SummarizeCommand =
  | { kind: "help" }
  | { kind: "article"; articleId: string; options: SummaryOptions; json: boolean; config: Record<string, string> }
  | { kind: "topic"; topic: string; options: SummaryOptions; json: boolean; config: Record<string, string> };

/** Parses the command line; throws UsageError with the reason when it is wrong. */
export function parseSummarizeArgs(argv: readonly string[]): SummarizeCommand {
  const { values, positionals } = parseFlags([...argv], {
    ...COMMON_FLAGS,
    sentences: { type: "string" },
    length: { type: "string" },
    topic: { type: "string" },
  });
  if (values.help) return { kind: "help" };
  if (values.sentences !== undefined && values.length !== undefined) throw new UsageError("give --sentences or --length, not both");
  const options: SummaryOptions = {};
  if (values.sentences !== undefined) {
    if (!/^\d+$/.test(values.sentences)) throw new UsageError(`--sentences must be a whole number, got "${values.sentences}"`);
    options.sentences = Number(values.sentences);
  }
  if (values.length !== undefined) options.length = values.length as SummaryLength;
  sentenceCount(options); // validates the range and the length name
  const common = { options, json: values.json === true, config: configOverrides(values) };
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

/** Title, numbered sentences with paragraph citations (and the article for digests), then the mode.
 *  A generated summary shows the model's text first, then the article sentences it drew on. */
export function formatSummaryText(summary: Summary): string {
  const lines = [summary.title, ""];
  if (summary.generated !== undefined) lines.push(summary.generated, "", "Drawn from:");
  if (summary.sentences.length === 0) lines.push("(no sentences to summarise)");
  summary.sentences.forEach((s, i) => {
    const cite = summary.articleId === null ? `(${s.articleId} ¶${s.paragraph})` : `(¶${s.paragraph})`;
    lines.push(`${i + 1}. ${s.text} ${cite}`);
  });
  lines.push("", `mode: ${summary.mode}`);
  return lines.join("\n") + "\n";
}

export function formatSummaryJson(summary: Summary): string {
  const { articleId, title, mode, sentences, generated } = summary;
  const out = {
    articleId,
    title,
    mode,
    ...(generated !== undefined && { generated }),
    sentences: sentences.map(({ text, articleId: a, paragraph }) => ({ text, articleId: a, paragraph })),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

export function unknownArticleMessage(articleId: string, closest: readonly string[]): string {
  const hint = closest.length ? ` Closest: ${closest.join(", ")}.` : "";
  return `newsdesk: no article "${articleId}" in the knowledge folder.${hint}\n`;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Opens the core with config overrides from the flags (the default reads config and builds the app). */
export type OpenNewsdesk = (overrides: Record<string, string>) => Promise<Newsdesk>;

/**
 * Runs the command; returns the exit code (0 done, 1 unknown article). Bad usage throws
 * UsageError, which `runCommand` turns into the usage text and exit code 2.
 */
export async function runSummarize(argv: readonly string[], io: CliIo, open: OpenNewsdesk): Promise<number> {
  const command = parseSummarizeArgs(argv);
  if (command.kind === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const desk = await open(command.config);
  try {
    const result: SummaryResult =
      command.kind === "topic"
        ? await desk.summarizeTopic(command.topic, command.options)
        : await desk.summarize(command.articleId, command.options);
    if (result.kind === "unknown-article") {
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

/** The real core, configured from .env, the environment and the flags. */
export async function openApp(overrides: Record<string, string>): Promise<Newsdesk> {
  const config = loadConfig(overrides);
  // Progress chatter stays quiet unless asked for; warnings and errors still reach standard error.
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
  return createNewsdesk(config, logger);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  await runCommand(USAGE, () => runSummarize(process.argv.slice(2), io, openApp));
}
