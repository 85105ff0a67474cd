import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { answerQuestion } from "../answer-flow.js";
import type { Command } from "../command.js";
import type { BotContext } from "../context.js";
import { newConversation, privateConversation, type ConversationRef } from "../conversation-key.js";
import { conversationInThread, isBotThread } from "../follow-up.js";
import { interactionSink } from "../interaction-reply.js";
import { openThreadOn } from "../open-thread.js";

/** /ask in a thread the bot opened continues the thread; a private answer is that person's alone. */
async function conversationOf(interaction: ChatInputCommandInteraction, isPrivate: boolean, ctx: BotContext): Promise<ConversationRef> {
  const place = { guildId: interaction.guildId, channelId: interaction.channelId };
  if (isPrivate) return privateConversation(place, interaction.user.id, ctx.conversationWindowMs);
  const channel = interaction.channel;
  if (channel && isBotThread(channel, interaction.client.user.id)) return conversationInThread(channel);
  return newConversation(place, interaction.id);
}

export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the news articles; the answer comes with its citation.")
    .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true))
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"))
    .addBooleanOption((o) => o.setName("thread").setDescription("Open a thread on the answer for follow-up questions")),
  async execute(interaction, ctx) {
    const question = interaction.options.getString("question", true);
    const isPrivate = interaction.options.getBoolean("private") ?? false;
    const thread = interaction.options.getBoolean("thread") ?? false;
    // Not awaited here: in a thread it may fetch the thread's first message, and the reply is
    // acknowledged first (Discord allows 3 s).
    const conversation = conversationOf(interaction, isPrivate, ctx);
    conversation.catch(() => undefined);
    await answerQuestion(ctx, interaction.user.id, question, interactionSink(interaction, isPrivate, ctx), conversation);
    // Only on an answer everybody sees (a private one cannot carry a thread), and not on a refusal.
    if (!thread || isPrivate || !interaction.deferred || interaction.channel?.isThread()) return;
    const answer = await interaction.fetchReply().catch(() => null);
    if (answer) await openThreadOn(answer, ctx);
  },
} satisfies Command;
