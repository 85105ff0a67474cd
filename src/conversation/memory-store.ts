import type { ConversationLimits, ConversationStore } from "./conversation-store.js";
import type { ConversationTurn } from "./turn.js";

/** Conversations in this process: bounded in turns, in number, and forgotten after a quiet period. */
export function createMemoryStore(limits: ConversationLimits): ConversationStore {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const conversations = new Map<string, ConversationTurn[]>();
  const expired = (turns: ConversationTurn[], now: number) => now - turns[turns.length - 1]!.at > limits.idleMs;

  return {
    async turns(key, now) {
      const turns = conversations.get(key);
      if (!turns) return [];
      if (expired(turns, now)) {
        conversations.delete(key);
        return [];
      }
      return turns.map((t) => ({ ...t }));
    },
    async record(key, turn) {
      const kept = conversations.get(key) ?? [];
      conversations.delete(key);
      const turns = (kept.length && !expired(kept, turn.at) ? kept : []).concat(turn).slice(-limits.maxTurns);
      conversations.set(key, turns);
      for (const [oldest, old] of conversations) {
        if (conversations.size <= limits.maxConversations && !expired(old, turn.at)) break;
        conversations.delete(oldest);
      }
    },
    async forget(key) {
      conversations.delete(key);
    },
  };
}
