// Commands that change the bot for everyone need Manage Server. Discord hides them from others by
// default, but server admins can override a command's permissions, so each checks again.
import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { replyPrivately } from "./interaction-reply.js";

/** True when the member may manage the server; otherwise replies saying so and returns false. */
export async function requireManageServer(interaction: ChatInputCommandInteraction, what: string): Promise<boolean> {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  await replyPrivately(interaction, `Only members with the Manage Server permission can ${what}.`);
  return false;
}
