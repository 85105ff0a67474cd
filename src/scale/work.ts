// What travels through the queue: the work a gateway shard accepted and where its reply goes. Plain
// JSON, so any worker on any machine can take it. Pure types.
import type { SummaryLength } from "../types.js";

/** Where a worker delivers the reply, through Discord's REST API (no gateway connection needed). */
export type ReplyTarget =
  /** Edit the deferred interaction response: the token is valid for 15 minutes and needs no bot token. */
  | { kind: "interaction"; applicationId: string; token: string; /** Deferred privately: a follow-up is private too. */ private?: boolean }
  /** A reply to a channel message (mentions and ask channels). */
  | { kind: "message"; channelId: string; messageId: string };

/** The conversation a question belongs to, as the face decided it (src/discord/conversation-key.ts):
 *  the store key, where it starts from when new, how recent its last turn must be, and the id the
 *  reply's "Ask a follow-up" button carries (none where no button fits: threads, private replies). */
export interface ConversationRef {
  key: string;
  continueFrom?: string;
  withinMs?: number;
  followUpId?: string;
}

export type WorkSpec =
  | { kind: "ask"; question: string; conversation?: ConversationRef }
  | { kind: "summary"; articleId?: string; topic?: string; length: SummaryLength }
  | { kind: "passage"; passageId: string };

export interface WorkJob {
  /** One id per question (the interaction or message id): the idempotency key of its reply. */
  id: string;
  userId: string;
  work: WorkSpec;
  target: ReplyTarget;
  /** When the gateway enqueued it (ms since the epoch): the queue's own latency is measured from here. */
  enqueuedAt: number;
}
