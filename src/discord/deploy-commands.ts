// `npm run deploy-commands`: registers the slash and context-menu commands with Discord, to the
// development guild when DEV_GUILD_ID is set (instant), else globally. Never on bot start.
import { pathToFileURL } from "node:url";
import { REST, Routes } from "discord.js";
import { loadConfig } from "../config/index.js";
import { ConfigError } from "../errors.js";
import { loadCommands } from "./command.js";
import { commands } from "./commands/index.js";
import { inviteUrl } from "./invite.js";
import { formatProblems, TOKEN_PROBLEM } from "../service/startup-config.js";

export interface DeployOptions {
  token: string;
  appId: string;
  guildId?: string;
  /** REST base (tests). */
  api?: string;
}

export async function deployCommands(options: DeployOptions): Promise<{ scope: "guild" | "global"; names: string[] }> {
  const { json } = loadCommands(commands);
  const rest = new REST(options.api ? { api: options.api } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.appId, options.guildId)
    : Routes.applicationCommands(options.appId);
  // PUT replaces the whole set, so removed commands disappear too.
  await rest.put(route, { body: json });
  return { scope: options.guildId ? "guild" : "global", names: json.map((c) => c.name) };
}

async function main(): Promise<void> {
  try {
    const config = loadConfig();
    const problems: string[] = [];
    if (!config.DISCORD_TOKEN) problems.push(TOKEN_PROBLEM);
    if (!config.DISCORD_APP_ID)
      problems.push("DISCORD_APP_ID is not set: copy the Application ID from the developer portal (General Information)");
    if (problems.length) throw new ConfigError(formatProblems(problems), { problems });
    const result = await deployCommands({
      token: config.DISCORD_TOKEN!,
      appId: config.DISCORD_APP_ID!,
      guildId: config.DEV_GUILD_ID,
      api: config.DISCORD_API_URL,
    });
    const where =
      result.scope === "guild"
        ? `to guild ${config.DEV_GUILD_ID} (available now)`
        : "globally (Discord may take a while to show them everywhere)";
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.join(", ")}`);
    console.log(`Invite link: ${inviteUrl(config.DISCORD_APP_ID!)}`);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Could not register commands: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
