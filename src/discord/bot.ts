// The running bot: client, commands, gate and handlers, with a shutdown that finishes what is in
// flight. Takes a Newsdesk; knows nothing of how answers are made.
import { Events, Status, type Client } from "discord.js";
import type { Logger } from "../log.js";
import type { Newsdesk } from "../types.js";
import { createClient } from "./client.js";
import { loadCommands } from "./command.js";
import { commands as allCommands } from "./commands/index.js";
import type { BotContext } from "./context.js";
import { createCooldown } from "./cooldown.js";
import { onInteraction } from "./events/interaction-create.js";
import { onMessage } from "./events/message-create.js";
import { createGate } from "./gate.js";
import { inviteUrl } from "./invite.js";
import { createQueue } from "./queue.js";

export interface BotSettings {
  token: string;
  askChannels: readonly string[];
  cooldownSeconds: number;
  queueConcurrency: number;
  queueMaxWaiting: number;
  /** REST base URL (tests); Discord's own when absent. */
  api?: string;
}

export interface Bot {
  client: Client;
  readonly ready: boolean;
  readonly inFlight: number;
  /** Stop taking questions, finish those in flight (up to `graceMs`), close the client. */
  stop(graceMs?: number): Promise<void>;
}

export async function startBot(settings: BotSettings, newsdesk: Newsdesk, logger: Logger): Promise<Bot> {
  const registry = loadCommands(allCommands);
  const client = createClient({ askChannels: settings.askChannels, api: settings.api });
  const queue = createQueue({ concurrency: settings.queueConcurrency, maxWaiting: settings.queueMaxWaiting });
  const gate = createGate(queue, createCooldown(settings.cooldownSeconds));
  const ctx: BotContext = { newsdesk, gate, logger, askChannels: new Set(settings.askChannels), now: () => new Date() };
  const inFlight = new Set<Promise<void>>();
  let ready = false;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (i) => track(onInteraction(i, registry, ctx)));
  client.on(Events.MessageCreate, (m) => track(onMessage(m, client.user!.id, ctx)));
  // Without these listeners an emitted error would crash the process; discord.js reconnects itself.
  client.on(Events.Error, (error) => logger.error("discord client error", { error }));
  client.on(Events.Warn, (message) => logger.warn("discord warning", { message }));
  client.on(Events.ShardError, (error, shard) => logger.warn("gateway connection error", { error, shard }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn("gateway disconnected", { code: event.code, shard }));
  client.on(Events.ShardReconnecting, (shard) => logger.info("gateway reconnecting", { shard }));
  client.on(Events.ShardResume, (shard) => logger.info("gateway resumed", { shard }));
  client.rest.on("rateLimited", (info) => logger.warn("rate limited by Discord", { route: info.route, retryAfterMs: info.retryAfter }));

  const readyOnce = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(settings.token);
    await readyOnce;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  ready = true;
  logger.info("connected to Discord", { user: client.user?.tag, guilds: client.guilds.cache.size, commands: registry.json.length });
  if (client.application) logger.info("invite link (fewest permissions)", { url: inviteUrl(client.application.id) });

  return {
    client,
    /** Started, not stopping, and the gateway connection is up (false while it reconnects). */
    get ready() {
      return ready && client.ws.status === Status.Ready;
    },
    get inFlight() {
      return inFlight.size;
    },
    async stop(graceMs = 30_000) {
      ready = false;
      logger.info("stopping: no new questions; finishing those in flight", { inFlight: inFlight.size, queued: queue.waiting });
      const drained = gate.close().then(() => Promise.allSettled([...inFlight]));
      const late = await Promise.race([drained.then(() => false), new Promise<boolean>((r) => setTimeout(r, graceMs, true).unref())]);
      if (late) logger.warn("gave up waiting for answers in flight", { inFlight: inFlight.size });
      await client.destroy();
      logger.info("disconnected from Discord");
    },
  };
}
