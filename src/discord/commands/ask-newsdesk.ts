import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { answerQuestion } from "../answer-flow.js";
import type { MessageCommand } from "../command.js";
import { interactionSink } from "../interaction-reply.js";

/** Message context menu: answers about the selected message's text. */
export default {
  data: new ContextMenuCommandBuilder().setName("Ask Newsdesk").setType(ApplicationCommandType.Message),
  async execute(interaction, ctx) {
    const question = interaction.targetMessage.content;
    await answerQuestion(ctx, interaction.user.id, question, interactionSink(interaction, false, ctx));
  },
} satisfies MessageCommand;
