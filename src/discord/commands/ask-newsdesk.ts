import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { answerQuestion } from "../answer-flow.js";
import type { MessageCommand } from "../command.js";
import { newConversation } from "../conversation-key.js";
import { interactionSink } from "../interaction-reply.js";

/** Message context menu: answers about the selected message's text (a new conversation). */
export default {
  data: new ContextMenuCommandBuilder().setName("Ask Newsdesk").setType(ApplicationCommandType.Message),
  async execute(interaction, ctx) {
    const question = interaction.targetMessage.content;
    const conversation = newConversation({ guildId: interaction.guildId, channelId: interaction.channelId }, interaction.id);
    await answerQuestion(ctx, interaction.user.id, question, interactionSink(interaction, false, ctx), conversation);
  },
} satisfies MessageCommand;
