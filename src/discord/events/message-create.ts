// Questions in channels: a mention of the bot anywhere, any question in a configured ask channel,
// and follow-ups (replies to the bot's answers, messages in the threads it opened): see follow-up.ts.
import type { Message } from "discord.js";
import { answerQuestion, type AnswerSink } from "../answer-flow.js";
import type { BotContext } from "../context.js";
import { deliverToChannel } from "../delivery/deliver-to-channel.js";
import { textReply } from "../format/reply-body.js";
import { safeBody } from "../format/safe-text.js";
import { routeMessage } from "../follow-up.js";

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
  try {
    const route = await routeMessage(message, botId, ctx, ctx.conversationWindowMs);
    if (route.kind === "ignore") return;
    await answerQuestion(ctx, message.author.id, route.question, messageSink(message, ctx), route.conversation);
  } catch (error) {
    ctx.logger.error("message answer failed", { error, channel: message.channelId, message: message.id });
  }
}
