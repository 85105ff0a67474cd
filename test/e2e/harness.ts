// Starts the fake Discord and the real bot (discord.js Client) against it, in this process.
import { startBot, type Bot, type BotSettings } from "../../src/discord/bot.js";
import { createLogger } from "../../src/log.js";
import type { Newsdesk } from "../../src/types.js";
import { FakeDiscord } from "./fake-discord/fake-discord.js";
import { TOKEN } from "./fake-discord/world.js";

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  logs: string[];
  stop(): Promise<void>;
}

export async function startHarness(
  newsdesk: Newsdesk,
  settings: Partial<BotSettings> = {},
  fake?: FakeDiscord,
  extras: Parameters<typeof startBot>[3] = {},
): Promise<Harness> {
  fake ??= await FakeDiscord.start();
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", format: "json", write: (line) => logs.push(line) });
  const bot = await startBot(
    { token: TOKEN, askChannels: [], cooldownSeconds: 0, queueConcurrency: 1, queueMaxWaiting: 10, api: fake.api, ...settings },
    newsdesk,
    logger,
    extras,
  );
  let stopped = false;
  return {
    fake,
    bot,
    logs,
    async stop() {
      if (!stopped) await bot.stop(2000);
      stopped = true;
      await fake.close();
    },
  };
}

/** The one embed of a reply. */
export function embedOf(message: any): any {
  expectOne(message?.embeds);
  return message.embeds[0];
}

function expectOne(list: unknown) {
  if (!Array.isArray(list) || list.length !== 1) throw new Error(`expected one embed, got ${JSON.stringify(list)}`);
}

export const EPHEMERAL = 64;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
