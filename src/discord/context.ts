// What command and event handlers are given: the core, the gate, and the lookups replies need.
import type { FeedService } from "../ingest/feeds.js";
import type { Logger } from "../log.js";
import type { ArticleInfo, Newsdesk } from "../types.js";
import type { DeliveryPolicy } from "./delivery/delivery-policy.js";
import type { ReplyLanes } from "./delivery/reply-lanes.js";
import type { Cluster } from "../scale/cluster.js";
import type { Gate } from "./gate.js";
import type { GatewayState } from "./gateway-state.js";

export interface BotContext {
  newsdesk: Newsdesk;
  gate: Gate;
  logger: Logger;
  /** Channels where every question is answered (needs the Message Content intent). */
  askChannels: ReadonlySet<string>;
  /** In ask channels, a person's question this soon after their last one follows it up (0: never). */
  conversationWindowMs: number;
  now(): Date;
  /** How long replies are retried when Discord fails. */
  delivery: DeliveryPolicy;
  /** Channel replies, sent side by side. */
  lanes: ReplyLanes;
  gateway: GatewayState;
  /** Followed feeds (/follow, /unfollow, /feeds); absent where the bot runs without them. */
  feeds?: FeedService;
  /** Set when answer workers answer (REDIS_URL): questions are queued for them, not answered here. */
  cluster?: Cluster;
}

/** Article lookups by id for one reply: each one asked for, never the whole list copied. */
export function articleLookup(newsdesk: Newsdesk): (id: string) => ArticleInfo | undefined {
  const seen = new Map<string, ArticleInfo | undefined>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, newsdesk.articleInfo(id));
    return seen.get(id);
  };
}
