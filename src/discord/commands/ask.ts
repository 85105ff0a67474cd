import { SlashCommandBuilder } from "discord.js";
import { answerQuestion } from "../answer-flow.js";
import type { Command } from "../command.js";
import { interactionSink } from "../interaction-reply.js";

export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the news articles; the answer comes with its citation.")
    .addStringOption((o) => o.setName("question").setDescription("Your question").setRequired(true))
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer")),
  async execute(interaction, ctx) {
    const question = interaction.options.getString("question", true);
    const isPrivate = interaction.options.getBoolean("private") ?? false;
    await answerQuestion(ctx, interaction.user.id, question, interactionSink(interaction, isPrivate, ctx));
  },
} satisfies Command;
