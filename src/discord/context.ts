// What command and event handlers are given: the core, the gate, and the lookups replies need.
import type { Logger } from "../log.js";
import type { ArticleInfo, Newsdesk } from "../types.js";
import type { Gate } from "./gate.js";

export interface BotContext {
  newsdesk: Newsdesk;
  gate: Gate;
  logger: Logger;
  /** Channels where every question is answered (needs the Message Content intent). */
  askChannels: ReadonlySet<string>;
  now(): Date;
}

/** Article lookups by id, taken fresh for each reply (articles() is in memory). */
export function articleLookup(newsdesk: Newsdesk): (id: string) => ArticleInfo | undefined {
  const byId = new Map(newsdesk.articles().map((a) => [a.id, a]));
  return (id) => byId.get(id);
}
