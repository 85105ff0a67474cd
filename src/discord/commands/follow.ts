import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatFollow } from "../format/feed-replies.js";
import { interactionSink, replyPrivately } from "../interaction-reply.js";
import { textReply } from "../format/reply-body.js";
import { requireManageServer } from "../manage-server.js";

export const FEEDS_OFF = "Following feeds is not available on this bot.";

export default {
  data: new SlashCommandBuilder()
    .setName("follow")
    .setDescription("Follow an RSS or Atom feed: its new articles join the knowledge (Manage Server only).")
    .addStringOption((o) => o.setName("url").setDescription("The feed's address, https://…").setRequired(true).setMaxLength(2000))
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, ctx) {
    if (!(await requireManageServer(interaction, "follow feeds"))) return;
    if (!ctx.feeds) return void (await replyPrivately(interaction, FEEDS_OFF));
    // Reading the feed to check it can take a while: defer first.
    const sink = interactionSink(interaction, true, ctx);
    await sink.begin();
    const result = await ctx.feeds.follow(interaction.options.getString("url", true), interaction.user.id);
    ctx.logger.info("follow from Discord", { by: interaction.user.id, result: result.kind, url: "url" in result ? result.url : undefined });
    await sink.deliver(textReply(formatFollow(result, ctx.feeds.intervalMinutes)));
  },
} satisfies Command;
