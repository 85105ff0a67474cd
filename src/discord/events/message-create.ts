// Questions in channels: a mention of the bot anywhere, or any question in a configured ask channel.
import type { Message } from "discord.js";
import { answerQuestion, type AnswerSink } from "../answer-flow.js";
import type { BotContext } from "../context.js";
import { deliverToChannel } from "../delivery/deliver-to-channel.js";
import { textReply } from "../format/reply-body.js";
import { safeBody } from "../format/safe-text.js";
import { looksLikeQuestion, stripBotMention } from "../question.js";

function messageSink(message: Message, ctx: BotContext): AnswerSink {
  const settings = { policy: ctx.delivery, logger: ctx.logger, receivedAt: Date.now() };
  return {
    replyTo: { id: message.id, target: { kind: "message", channelId: message.channelId, messageId: message.id } },
    // Channel messages cannot be private; the notice is a short reply that pings nobody.
    async refuse(text) {
      await deliverToChannel(ctx.lanes, message, safeBody(textReply(text)), settings);
    },
    // Typing is a courtesy: never awaited, so a slow or rate-limited typing call cannot hold the answer.
    async begin() {
      if (!("sendTyping" in message.channel)) return;
      message.channel.sendTyping().catch((error: unknown) => ctx.logger.debug("typing indicator failed", { error }));
    },
    async deliver(body) {
      await deliverToChannel(ctx.lanes, message, safeBody(body), settings);
    },
  };
}

export async function onMessage(message: Message, botId: string, ctx: BotContext): Promise<void> {
  if (message.author.bot || message.webhookId || message.system) return;
  // Only a direct mention of the bot counts: not @everyone, @here or a role.
  const mentioned = message.mentions.users.has(botId);
  const inAskChannel = ctx.askChannels.has(message.channelId);
  if (!mentioned && !(inAskChannel && looksLikeQuestion(message.content))) return;
  try {
    await answerQuestion(ctx, message.author.id, stripBotMention(message.content, botId), messageSink(message, ctx));
  } catch (error) {
    ctx.logger.error("message answer failed", { error, channel: message.channelId, message: message.id });
  }
}
