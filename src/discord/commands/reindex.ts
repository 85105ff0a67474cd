import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatReindex } from "../format/other-replies.js";
import { interactionSink, replyPrivately } from "../interaction-reply.js";
import { queuedReply } from "../queued-reply.js";

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
    const job = () => ctx.newsdesk.reindex();
    const sink = interactionSink(interaction, true, ctx);
    const done = await queuedReply(ctx.gate, interaction.user.id, job, sink, { cooldown: false });
    if (done.kind === "refused") return;
    if (done.kind === "failed") throw done.error;
    ctx.logger.info("reindexed from Discord", {
      by: interaction.user.id,
      added: done.value.added.length,
      changed: done.value.changed.length,
      removed: done.value.removed.length,
    });
    await sink.deliver(formatReindex(done.value));
  },
} satisfies Command;
