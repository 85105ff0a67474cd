import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatReindex } from "../format/other-replies.js";
import { RESTARTING } from "../gate.js";
import { formatClusterReindex } from "../format/cluster-replies.js";
import { interactionSink, replyPrivately } from "../interaction-reply.js";

export default {
  data: new SlashCommandBuilder()
    .setName("reindex")
    .setDescription("Re-read the knowledge folder and report what changed (Manage Server only).")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),
  async execute(interaction, ctx) {
    // Server admins can override default permissions per command, so check again here.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      await replyPrivately(interaction, "Only members with the Manage Server permission can reindex.");
      return;
    }
    if (ctx.gate.closing) return void (await replyPrivately(interaction, RESTARTING));
    if (ctx.cluster) {
      const sink = interactionSink(interaction, true, ctx);
      await sink.begin();
      const result = await ctx.cluster.reindex();
      ctx.logger.info("reindexed on the answer workers from Discord", { by: interaction.user.id, workers: result.reports.length });
      await sink.deliver(formatClusterReindex(result));
      return;
    }
    // Not through the question queue: a re-index takes no question's slot. Requests made while one
    // runs share the next run (the core coalesces them), so none is refused.
    const sink = interactionSink(interaction, true, ctx);
    const settled = ctx.newsdesk.reindex().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await sink.begin();
    const outcome = await settled;
    if (!outcome.ok) throw outcome.error;
    const r = outcome.value;
    ctx.logger.info("reindexed from Discord", {
      by: interaction.user.id,
      added: r.added.length,
      changed: r.changed.length,
      removed: r.removed.length,
    });
    await sink.deliver(formatReindex(r));
  },
} satisfies Command;
