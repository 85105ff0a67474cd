import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatStatus } from "../format/other-replies.js";
import { reply } from "../interaction-reply.js";

export default {
  data: new SlashCommandBuilder().setName("status").setDescription("Mode, models, articles and passages indexed, uptime and version."),
  async execute(interaction, ctx) {
    await reply(interaction, formatStatus(ctx.newsdesk.status(), ctx.now(), ctx.gateway.snapshot()), { private: true });
  },
} satisfies Command;
