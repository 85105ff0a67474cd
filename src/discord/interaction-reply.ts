// Replying to interactions: always without mentions, and safely whatever state the reply is in.
import { MessageFlags, type RepliableInteraction } from "discord.js";
import { NO_MENTIONS, type AnswerSink } from "./answer-flow.js";
import type { ReplyBody } from "./format/reply-body.js";

type Repliable = RepliableInteraction;

export function reply(interaction: Repliable, body: ReplyBody, options: { private?: boolean } = {}) {
  return interaction.reply({
    ...body,
    allowedMentions: NO_MENTIONS,
    ...(options.private ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
}

export function replyPrivately(interaction: Repliable, text: string) {
  return interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

export function editReply(interaction: Repliable, body: ReplyBody) {
  return interaction.editReply({ ...body, content: body.content ?? "", allowedMentions: NO_MENTIONS });
}

/** Deferred answers for slash and context-menu commands; notices are private. */
export function interactionSink(interaction: Repliable, isPrivate: boolean): AnswerSink {
  return {
    async refuse(text) {
      await replyPrivately(interaction, text);
    },
    async begin() {
      await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    },
    async deliver(body) {
      await editReply(interaction, body);
    },
  };
}

/** Tells the user something failed, whatever state the reply is in; never leaves "thinking…". */
export async function reportFailure(interaction: Repliable, text: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply({ content: text, embeds: [], components: [], allowedMentions: NO_MENTIONS });
  } else if (interaction.replied) {
    await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } else {
    await replyPrivately(interaction, text);
  }
}
