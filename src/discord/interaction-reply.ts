// Replying to interactions: always without mentions, and safely whatever state the reply is in.
import { MessageFlags, type RepliableInteraction } from "discord.js";
import { NO_MENTIONS, type AnswerSink } from "./answer-flow.js";
import type { BotContext } from "./context.js";
import { deliverEdit } from "./delivery/deliver-interaction.js";
import type { ReplyBody } from "./format/reply-body.js";
import { safeBody } from "./format/safe-text.js";

type Repliable = RepliableInteraction;

export function reply(interaction: Repliable, body: ReplyBody, options: { private?: boolean } = {}) {
  return interaction.reply({
    ...safeBody(body),
    allowedMentions: NO_MENTIONS,
    ...(options.private ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
}

export function replyPrivately(interaction: Repliable, text: string) {
  return interaction.reply({
    ...safeBody({ content: text, embeds: [], components: [] }),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

/** Deferred answers for slash and context-menu commands; notices are private. */
export function interactionSink(interaction: Repliable, isPrivate: boolean, ctx: BotContext): AnswerSink {
  const receivedAt = Date.now();
  return {
    replyTo: {
      id: interaction.id,
      target: { kind: "interaction", applicationId: interaction.applicationId, token: interaction.token, private: isPrivate },
    },
    async refuse(text) {
      await replyPrivately(interaction, text);
    },
    async begin() {
      await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    },
    async deliver(body) {
      await deliverEdit(interaction, safeBody(body), isPrivate, { policy: ctx.delivery, logger: ctx.logger, receivedAt });
    },
  };
}

/** Tells the user something failed, whatever state the reply is in; never leaves "thinking…". */
export async function reportFailure(interaction: Repliable, text: string, ctx: BotContext): Promise<void> {
  const body: ReplyBody = { content: text, embeds: [], components: [] };
  if (interaction.deferred && !interaction.replied) {
    const isPrivate = Boolean(interaction.ephemeral);
    await deliverEdit(interaction, body, isPrivate, { policy: ctx.delivery, logger: ctx.logger, receivedAt: Date.now() });
  } else if (interaction.replied) {
    await interaction.followUp({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } else {
    await replyPrivately(interaction, text);
  }
}
