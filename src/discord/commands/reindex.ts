import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Command } from "../command.js";
import { formatReindex } from "../format/other-replies.js";
import { editReply, replyPrivately } from "../interaction-reply.js";

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
    const gate = ctx.gate.run(interaction.user.id, () => ctx.newsdesk.reindex(), { cooldown: false });
    if (gate.kind === "refused") return void (await replyPrivately(interaction, gate.message));
    const outcome = gate.result.then(
      (r) => ({ ok: true as const, r }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await interaction.deferReply({ flags: "Ephemeral" });
    const done = await outcome;
    if (!done.ok) throw done.error;
    ctx.logger.info("reindexed from Discord", {
      by: interaction.user.id,
      added: done.r.added.length,
      changed: done.r.changed.length,
      removed: done.r.removed.length,
    });
    await editReply(interaction, formatReindex(done.r));
  },
} satisfies Command;
