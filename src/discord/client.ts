// The discord.js client with the fewest intents that work, and a global no-mentions default.
import { Client, GatewayIntentBits, Partials } from "discord.js";
import { NO_MENTIONS } from "./answer-flow.js";

export interface ClientSettings {
  /** Channels that answer every question: only these need the privileged Message Content intent. */
  askChannels: readonly string[];
  /** REST base URL; the e2e tests point it at a local stand-in for Discord. */
  api?: string;
}

export function createClient(settings: ClientSettings): Client {
  // Guilds for channels and interactions; GuildMessages for mentions, whose text Discord sends
  // to a bot without the privileged Message Content intent.
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (settings.askChannels.length) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: settings.api ? { api: settings.api } : {},
  });
}
