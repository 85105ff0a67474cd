// The running bot: client, commands, gate and handlers, with a shutdown that finishes what is in
// flight. Takes a Newsdesk; knows nothing of how answers are made.
import { Events, type Client } from "discord.js";
import type { FeedService } from "../ingest/feeds.js";
import { withFields, type Logger } from "../log.js";
import type { Cluster } from "../scale/cluster.js";
import type { Newsdesk } from "../types.js";
import { createClient } from "./client.js";
import { loadCommands } from "./command.js";
import { commands as allCommands } from "./commands/index.js";
import type { BotContext } from "./context.js";
import { createCooldown } from "../scale/cooldown.js";
import { DEFAULT_DELIVERY, type DeliveryPolicy } from "./delivery/delivery-policy.js";
import { createReplyLanes } from "./delivery/reply-lanes.js";
import { restDelivery } from "./delivery/rest-delivery.js";
import { STRANDED_REPLY } from "../scale/stranded-questions.js";
import { textReply } from "./format/reply-body.js";
import { onInteraction } from "./events/interaction-create.js";
import { onMessage } from "./events/message-create.js";
import { repairPacket } from "./events/raw-packet.js";
import { createGate } from "./gate.js";
import { trackGateway, type GatewaySnapshot } from "./gateway-state.js";
import { inviteUrl } from "./invite.js";
import { createQueue } from "./queue.js";

export interface BotSettings {
  token: string;
  askChannels: readonly string[];
  cooldownSeconds: number;
  queueConcurrency: number;
  queueMaxWaiting: number;
  /** Longest expected wait a question is admitted with (seconds); default 30. */
  queueMaxWaitSeconds?: number;
  /** REST base URL (tests); Discord's own when absent. */
  api?: string;
  /** Retry windows and backoff (tests shorten them). */
  delivery?: Partial<DeliveryPolicy>;
  /** In ask channels, a person's question this soon after their previous one follows it up; default 120. */
  conversationWindowSeconds?: number;
  /** Answer workers over Redis (REDIS_URL): questions are queued for them instead of answered here. */
  cluster?: Cluster;
}

export interface Bot {
  client: Client;
  /** Started, not stopping, and the gateway connection is up (false from the moment it drops). */
  readonly ready: boolean;
  readonly inFlight: number;
  /** What /healthz shows beside ok/state. */
  details(): { gateway: GatewaySnapshot; queue: { running: number; waiting: number; serviceMs: number } };
  /** Stop taking questions, finish those in flight (up to `graceMs`), close the client. */
  stop(graceMs?: number): Promise<void>;
}

export async function startBot(
  settings: BotSettings,
  newsdesk: Newsdesk,
  baseLogger: Logger,
  extras: { feeds?: FeedService } = {},
): Promise<Bot> {
  const registry = loadCommands(allCommands);
  const client = createClient({ askChannels: settings.askChannels, api: settings.api });
  // A shard process (npm run gateway) names its shards on every log line.
  const logger = client.shard ? withFields(baseLogger, { shards: client.shard.ids }) : baseLogger;
  const gateway = trackGateway(client);
  const queue = createQueue({
    concurrency: settings.queueConcurrency,
    maxWaiting: settings.queueMaxWaiting,
    maxWaitMs: (settings.queueMaxWaitSeconds ?? 30) * 1000,
  });
  const gate = createGate(queue, createCooldown(settings.cooldownSeconds));
  const ctx: BotContext = {
    newsdesk,
    gate,
    logger,
    askChannels: new Set(settings.askChannels),
    conversationWindowMs: (settings.conversationWindowSeconds ?? 120) * 1000,
    now: () => new Date(),
    delivery: { ...DEFAULT_DELIVERY, ...settings.delivery },
    lanes: createReplyLanes(client),
    gateway,
    feeds: extras.feeds,
    ...(settings.cluster ? { cluster: settings.cluster } : {}),
  };
  if (settings.cluster) {
    // Questions queued when the last answer worker died: told so, by the policy a worker delivers by.
    const rest = restDelivery(settings.token, { ...(settings.api ? { api: settings.api } : {}), logger, policy: ctx.delivery });
    settings.cluster.onStranded((job) => rest.send(job.target, textReply(STRANDED_REPLY), job));
  }
  const inFlight = new Set<Promise<void>>();
  let ready = false;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  // Runs before discord.js builds its objects from the packet, so a malformed field it would
  // throw on is repaired (and logged) first.
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    const repaired = repairPacket(packet);
    if (repaired.length) logger.warn("repaired a malformed gateway event", { event: packet.t, fields: repaired });
  });
  client.on(Events.InteractionCreate, (i) => track(onInteraction(i, registry, ctx)));
  client.on(Events.MessageCreate, (m) => track(onMessage(m, client.user!.id, ctx)));
  // Without these listeners an emitted error would crash the process; discord.js reconnects itself.
  client.on(Events.Error, (error) => logger.error("discord client error", { error }));
  client.on(Events.Warn, (message) => logger.warn("discord warning", { message }));
  client.on(Events.ShardError, (error, shard) => logger.warn("gateway connection error", { error, shard }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn("gateway disconnected", { code: event.code, shard }));
  client.on(Events.ShardReconnecting, (shard) => logger.warn("gateway connection lost; reconnecting", { shard }));
  client.on(Events.ShardResume, (shard) => logger.info("gateway resumed", { shard }));
  client.on(Events.Invalidated, () => logger.error("gateway session invalidated; not reconnecting"));
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
    get ready() {
      return ready && gateway.up;
    },
    get inFlight() {
      return inFlight.size;
    },
    details: () => ({
      gateway: gateway.snapshot(),
      queue: { running: queue.running, waiting: queue.waiting, serviceMs: Math.round(queue.serviceMs) },
    }),
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
