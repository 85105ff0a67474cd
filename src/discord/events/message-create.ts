// Questions in channels: a mention of the bot anywhere, or any question in a configured ask channel.
import type { Message } from "discord.js";
import { NO_MENTIONS, answerQuestion, type AnswerSink } from "../answer-flow.js";
import type { BotContext } from "../context.js";
import { looksLikeQuestion, stripBotMention } from "../question.js";

function messageSink(message: Message): AnswerSink {
  return {
    // Channel messages cannot be private; the notice is a short reply that pings nobody.
    async refuse(text) {
      await message.reply({ content: text, allowedMentions: NO_MENTIONS });
    },
    async begin() {
      if ("sendTyping" in message.channel) await message.channel.sendTyping().catch(() => undefined);
    },
    async deliver(body) {
      await message.reply({ ...body, allowedMentions: NO_MENTIONS });
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
    await answerQuestion(ctx, message.author.id, stripBotMention(message.content, botId), messageSink(message));
  } catch (error) {
    ctx.logger.error("message answer failed", { error, channel: message.channelId, message: message.id });
  }
}
