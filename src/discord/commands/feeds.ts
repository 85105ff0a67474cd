import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatFeeds } from "../format/feed-replies.js";
import { replyPrivately } from "../interaction-reply.js";
import { FEEDS_OFF } from "./follow.js";

export default {
  data: new SlashCommandBuilder().setName("feeds").setDescription("The RSS and Atom feeds the bot follows, and how each is doing."),
  async execute(interaction, ctx) {
    if (!ctx.feeds) return void (await replyPrivately(interaction, FEEDS_OFF));
    await replyPrivately(interaction, formatFeeds(ctx.feeds.list(), ctx.feeds.intervalMinutes));
  },
} satisfies Command;
