// Start-up settings for the bot: the shared config plus what only the bot demands (the token),
// reported together as one message naming every problem.
import { loadConfig, readRawSettings, type Config } from "../config/index.js";
import { ConfigError } from "../errors.js";

export const README_POINTER = "See README.md, section “Discord setup”, for where each setting comes from.";
export const TOKEN_PROBLEM =
  "DISCORD_TOKEN is not set: create the bot in the Discord developer portal (Bot → Reset Token) and put the token in .env";

export type BotConfig = Config & { DISCORD_TOKEN: string };

export function formatProblems(problems: string[]): string {
  return `Newsdesk cannot start:\n  - ${problems.join("\n  - ")}\n${README_POINTER}`;
}

/** The config with a token, or throws one ConfigError naming each problem. */
export function loadBotConfig(env?: NodeJS.ProcessEnv, dotenvPath?: string): BotConfig {
  let config: Config | undefined;
  let problems: string[] = [];
  try {
    config = loadConfig({}, env, dotenvPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems = (error.context.problems as string[] | undefined) ?? [error.message];
  }
  // With a bad setting elsewhere, the token is still read, so the message names every problem.
  const token = config ? config.DISCORD_TOKEN : readRawSettings(env, dotenvPath).DISCORD_TOKEN;
  if (!token?.trim()) problems.unshift(TOKEN_PROBLEM);
  if (problems.length || !config) throw new ConfigError(formatProblems(problems), { problems });
  return { ...config, DISCORD_TOKEN: token!.trim() };
}

/** Words for the start-up failures a person can fix; null for anything else. */
export function explainStartFailure(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown };
  if (e?.code === "TokenInvalid" || /invalid token|Authentication failed/i.test(String(e?.message))) {
    return formatProblems(["Discord rejected DISCORD_TOKEN: copy a fresh token from the developer portal (Bot → Reset Token) into .env"]);
  }
  if (/disallowed intents/i.test(String(e?.message))) {
    return formatProblems([
      "ASK_CHANNELS needs the Message Content intent: switch it on in the developer portal (Bot → Privileged Gateway Intents), or leave ASK_CHANNELS empty",
    ]);
  }
  return null;
}
