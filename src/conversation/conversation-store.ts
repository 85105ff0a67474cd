import type { ConversationTurn } from "./turn.js";

/**
 * Where conversations live. Async, so that a shared store (Redis, for several workers) fits the
 * same shape as the in-process one. Keys are made by the face and carry its privacy: a Discord
 * key names the server, channel or thread and person, so two of them never meet.
 */
export interface ConversationStore {
  /** The conversation's remembered turns, oldest first; empty when unknown or expired. */
  turns(key: string, now: number): Promise<ConversationTurn[]>;
  /** Adds a turn (the oldest beyond the limit is dropped) and restarts the quiet-period clock. */
  record(key: string, turn: ConversationTurn): Promise<void>;
  forget(key: string): Promise<void>;
}

export interface ConversationLimits {
  /** Turns kept per conversation. */
  maxTurns: number;
  /** A conversation quiet this long is forgotten. */
  idleMs: number;
  /** Conversations kept in all; the least recently used go first (bounds memory). */
  maxConversations: number;
}
