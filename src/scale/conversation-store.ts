// Conversations in Redis (REDIS_URL set), so that a follow-up answered by another worker still has
// its context. One list per conversation: the last turns as JSON, trimmed to the limit, and a time to
// live of the quiet period, renewed by every turn; Redis forgets quiet conversations by itself.
import type { Redis } from "ioredis";
import type { ConversationLimits, ConversationStore } from "../conversation/conversation-store.js";
import type { ConversationTurn } from "../conversation/turn.js";
import { conversationLimits } from "../conversation/conversation-defaults.js";
import type { Config } from "../config/index.js";

/** A stored turn, or nothing when the entry is not one (written by something else, or damaged). */
function parseTurn(raw: string): ConversationTurn[] {
  try {
    const turn = JSON.parse(raw) as ConversationTurn;
    return typeof turn?.question === "string" && typeof turn.at === "number" && typeof turn.names === "object" ? [turn] : [];
  } catch {
    return [];
  }
}

export function redisConversationStore(
  redis: Redis,
  prefix: string,
  limits: Pick<ConversationLimits, "maxTurns" | "idleMs">,
): ConversationStore {
  const name = (key: string) => `${prefix}:conversation:${key}`;
  return {
    async turns(key, now) {
      const turns = (await redis.lrange(name(key), 0, -1)).flatMap(parseTurn);
      // The time to live forgets a quiet conversation; this check holds where clocks of workers differ.
      if (!turns.length || now - turns[turns.length - 1]!.at > limits.idleMs) return [];
      return turns;
    },
    async record(key, turn) {
      const list = name(key);
      await redis
        .multi()
        .rpush(list, JSON.stringify(turn))
        .ltrim(list, -limits.maxTurns, -1)
        .pexpire(list, Math.max(1, Math.round(limits.idleMs)))
        .exec();
    },
    async forget(key) {
      await redis.del(name(key));
    },
  };
}

/** The store a worker uses, from its settings. */
export function conversationStoreFor(
  redis: Redis,
  settings: Pick<Config, "REDIS_PREFIX" | "CONVERSATION_TURNS" | "CONVERSATION_IDLE_MINUTES">,
): ConversationStore {
  const limits = conversationLimits({ turns: settings.CONVERSATION_TURNS, idleMinutes: settings.CONVERSATION_IDLE_MINUTES });
  return redisConversationStore(redis, settings.REDIS_PREFIX, limits);
}
