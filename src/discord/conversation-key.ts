// Which conversation a question belongs to, and its store key. Pure. A key names the server and the
// channel or thread, so no conversation is ever shared across them; private replies add the person.
// The id an "Ask a follow-up" button (or a reply to an answer) carries is only the last part: a
// forged one can reach nothing outside the channel it is clicked in, and never a private key.
import type { ConversationRef } from "../scale/work.js";

export type { ConversationRef };

export interface Place {
  guildId: string | null;
  channelId: string;
}

/** A conversation id as buttons carry it: q<question id> or u<person id>. */
const CONVERSATION_ID = /^[qu]\d{1,20}$/;

export function isConversationId(id: string): boolean {
  return CONVERSATION_ID.test(id);
}

function scope(place: Place): string {
  return `discord:${place.guildId ?? "dm"}:${place.channelId}`;
}

/** A new conversation starting at this question (a mention, /ask, the context menu). */
export function newConversation(place: Place, questionId: string): ConversationRef {
  const id = `q${questionId}`;
  return { key: `${scope(place)}:${id}`, followUpId: id };
}

/** The conversation an answer in this channel belongs to (a reply to it continues it). */
export function answerConversation(place: Place, conversationId: string): ConversationRef {
  return { key: `${scope(place)}:${conversationId}`, followUpId: conversationId };
}

/** A thread the bot opened on an answer: its own conversation, starting from the answer's. */
export function threadConversation(
  guildId: string | null,
  threadId: string,
  parent?: { channelId: string; conversationId: string },
): ConversationRef {
  return {
    key: `${scope({ guildId, channelId: threadId })}:thread`,
    ...(parent ? { continueFrom: `${scope({ guildId, channelId: parent.channelId })}:${parent.conversationId}` } : {}),
  };
}

/** In an ask channel, a person's questions close together are one conversation. */
export function personConversation(place: Place, userId: string, windowMs: number): ConversationRef {
  const id = `u${userId}`;
  return { key: `${scope(place)}:${id}`, withinMs: windowMs, followUpId: id };
}

/** A private (ephemeral) reply: only that person's, never reachable by a button or a reply. */
export function privateConversation(place: Place, userId: string, windowMs: number): ConversationRef {
  return { key: `${scope(place)}:private:${userId}`, withinMs: windowMs };
}
