import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { showPassage } from "../show-passage.js";

export default {
  data: new SlashCommandBuilder()
    .setName("source")
    .setDescription("Show the whole passage behind a citation.")
    .addStringOption((o) =>
      o.setName("passage").setDescription("The passage id from an answer, e.g. haftar-visits-ghq#p2").setRequired(true),
    ),
  async execute(interaction, ctx) {
    await showPassage(interaction, interaction.options.getString("passage", true), ctx, false);
  },
} satisfies Command;
