import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatUnfollow } from "../format/feed-replies.js";
import { LIMITS } from "../format/limits.js";
import { replyPrivately } from "../interaction-reply.js";
import { requireManageServer } from "../manage-server.js";
import { FEEDS_OFF } from "./follow.js";

export default {
  data: new SlashCommandBuilder()
    .setName("unfollow")
    .setDescription("Stop following a feed; its articles stay (Manage Server only).")
    .addStringOption((o) =>
      o.setName("url").setDescription("The feed's address, as /feeds lists it").setRequired(true).setAutocomplete(true),
    )
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, ctx) {
    if (!(await requireManageServer(interaction, "unfollow feeds"))) return;
    if (!ctx.feeds) return void (await replyPrivately(interaction, FEEDS_OFF));
    const result = await ctx.feeds.unfollow(interaction.options.getString("url", true));
    ctx.logger.info("unfollow from Discord", { by: interaction.user.id, result: result.kind, url: result.url });
    await replyPrivately(interaction, formatUnfollow(result));
  },
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = (ctx.feeds?.list() ?? [])
      .filter((f) => f.from === "follow" && f.url.length <= LIMITS.choiceValue && f.url.toLowerCase().includes(typed))
      .slice(0, LIMITS.choices)
      .map((f) => ({ name: f.url.slice(0, LIMITS.choiceName), value: f.url }));
    await interaction.respond(choices);
  },
} satisfies Command;
