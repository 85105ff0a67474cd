import { SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatStatus } from "../format/other-replies.js";
import { formatClusterStatus } from "../format/cluster-replies.js";
import { interactionSink, reply } from "../interaction-reply.js";

export default {
  data: new SlashCommandBuilder().setName("status").setDescription("Mode, models, articles and passages indexed, uptime and version."),
  async execute(interaction, ctx) {
    if (ctx.cluster) {
      // Read from Redis, which may be restarting: acknowledge first.
      const sink = interactionSink(interaction, true, ctx);
      await sink.begin();
      await sink.deliver(formatClusterStatus(await ctx.cluster.status(), ctx.now()));
      return;
    }
    await reply(interaction, formatStatus(ctx.newsdesk.status(), ctx.now(), ctx.gateway.snapshot()), { private: true });
  },
} satisfies Command;
