import { readLogLevel } from "../config/index.js";
import { NewsdeskError, UsageError } from "../errors.js";
import { createLogger } from "../log.js";
import { errorJson } from "./error-json.js";

export interface RunOptions {
  /** Errors also go to standard output as one JSON object (the `--json` contract). */
  json?: boolean;
}

/**
 * Runs a command-line entry point: people get one clear line, never a stack trace (that goes to
 * the log with LOG_LEVEL=debug). Exit 2 on bad usage, 1 on failure. With --json the error is also
 * printed on standard output as `{"error":{"code","message"}}` so a script reading stdout sees why.
 */
export async function runCommand(
  usage: string,
  main: () => Promise<number | void>,
  options: RunOptions = { json: process.argv.slice(2).includes("--json") },
): Promise<void> {
  const logger = createLogger({ level: readLogLevel() });
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`newsdesk: ${error.message}\n\n${usage}\n`);
      if (options.json) process.stdout.write(JSON.stringify(errorJson(error)) + "\n");
      process.exitCode = 2;
      return;
    }
    const message = error instanceof NewsdeskError ? error.message : `unexpected failure: ${(error as Error)?.message ?? error}`;
    process.stderr.write(`newsdesk: ${message}\n`);
    if (options.json) process.stdout.write(JSON.stringify(errorJson(error)) + "\n");
    logger.debug("failure", { error });
    process.exitCode = 1;
  }
}
