// Which conversation a channel message belongs to, if the bot should answer it at all: a message in
// a thread the bot opened on an answer, a reply to one of the bot's answers, a question in an ask
// channel (the same person's question shortly after their last one follows it up), or a mention.
// Everything else is ignored; anything that is not one of the first three starts a new conversation.
import type { Message, ThreadChannel } from "discord.js";
import type { BotContext } from "./context.js";
import { answerConversation, newConversation, personConversation, threadConversation, type ConversationRef } from "./conversation-key.js";
import { parseCustomId } from "./format/custom-id.js";
import { looksLikeQuestion, stripBotMention } from "./question.js";

export type MessageRoute = { kind: "ignore" } | { kind: "ask"; question: string; conversation: ConversationRef };

const IGNORE: MessageRoute = { kind: "ignore" };

/** A follow-up may be short ("and when?", "why?"): addressed to the bot, a question mark is enough. */
function looksLikeFollowUp(text: string): boolean {
  return looksLikeQuestion(text) || /\?\s*$/.test(text.trim());
}

/** The conversation id an answer's "Ask a follow-up" button carries, if it has one. */
export function followUpIdOf(message: Pick<Message, "components">): string | undefined {
  for (const row of message.components) {
    for (const component of "components" in row ? row.components : []) {
      const customId = "customId" in component ? component.customId : null;
      if (typeof customId !== "string") continue;
      const action = parseCustomId(customId);
      if (action.kind === "follow-up") return action.conversationId;
    }
  }
  return undefined;
}

/** The thread's starting answer and its conversation; fetched again when the cached copy predates
 *  the answer (a thread opened while a worker was still answering). */
async function starterConversation(thread: ThreadChannel): Promise<string | undefined> {
  const cached = await thread.fetchStarterMessage().catch(() => null);
  const id = cached ? followUpIdOf(cached) : undefined;
  if (id || !cached) return id;
  const fresh = await thread.fetchStarterMessage({ force: true }).catch(() => null);
  return fresh ? followUpIdOf(fresh) : undefined;
}

/** Whether the bot opened this thread (on one of its answers). */
export function isBotThread(channel: { isThread(): boolean; ownerId?: string | null }, botId: string): channel is ThreadChannel {
  return channel.isThread() && channel.ownerId === botId;
}

/** A question in a thread the bot opened: the thread's conversation, starting from its answer's. */
export async function conversationInThread(thread: ThreadChannel): Promise<ConversationRef> {
  const conversationId = thread.parentId ? await starterConversation(thread) : undefined;
  const parent = conversationId && thread.parentId ? { channelId: thread.parentId, conversationId } : undefined;
  return threadConversation(thread.guildId, thread.id, parent);
}

export async function routeMessage(message: Message, botId: string, ctx: BotContext, windowMs: number): Promise<MessageRoute> {
  // Only a direct mention of the bot counts: not @everyone, @here or a role.
  const mentioned = message.mentions.users.has(botId);
  const question = stripBotMention(message.content, botId);
  const place = { guildId: message.guildId, channelId: message.channelId };
  const channel = message.channel;

  if (isBotThread(channel, botId)) {
    if (!mentioned && !looksLikeFollowUp(question)) return IGNORE;
    return { kind: "ask", question, conversation: await conversationInThread(channel) };
  }

  if (message.reference?.messageId && (!message.reference.channelId || message.reference.channelId === message.channelId)) {
    const answer = await message.fetchReference().catch(() => null);
    const conversationId = answer?.author.id === botId ? followUpIdOf(answer) : undefined;
    if (conversationId && (mentioned || looksLikeFollowUp(question))) {
      return { kind: "ask", question, conversation: answerConversation(place, conversationId) };
    }
  }

  const inAskChannel = ctx.askChannels.has(message.channelId);
  if (!mentioned && !(inAskChannel && looksLikeQuestion(message.content))) return IGNORE;
  const conversation =
    inAskChannel && windowMs > 0 ? personConversation(place, message.author.id, windowMs) : newConversation(place, message.id);
  return { kind: "ask", question, conversation };
}
