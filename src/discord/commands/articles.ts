import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatArticlesPage } from "../format/other-replies.js";
import { reply } from "../interaction-reply.js";

export default {
  data: new SlashCommandBuilder().setName("articles").setDescription("List the articles, newest first."),
  async execute(interaction, ctx) {
    await reply(interaction, formatArticlesPage(ctx.newsdesk.articles(), 0));
  },
} satisfies Command;
