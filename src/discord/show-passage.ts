// The whole passage behind a citation: for /source and for the "Show passage" button.
import type { ButtonInteraction, ChatInputCommandInteraction } from "discord.js";
import { articleLookup, type BotContext } from "./context.js";
import { formatPassage } from "./format/other-replies.js";
import { fitText } from "./format/limits.js";
import { codeSpan } from "./format/safe-text.js";
import { interactionSink, reply, replyPrivately } from "./interaction-reply.js";
import { queueForWorkers } from "./worker-reply.js";

export async function showPassage(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  passageId: string,
  ctx: BotContext,
  isPrivate: boolean,
): Promise<void> {
  if (ctx.cluster) {
    const work = { kind: "passage" as const, passageId: passageId.trim() };
    return queueForWorkers(ctx, ctx.cluster, interaction.user.id, work, interactionSink(interaction, isPrivate, ctx), { cooldown: false });
  }
  const passage = ctx.newsdesk.passage(passageId.trim());
  if (!passage) {
    const msg = `No passage ${codeSpan(fitText(passageId, 200))}. The index may have changed since that answer; ask again.`;
    await replyPrivately(interaction, msg);
    return;
  }
  const source = articleLookup(ctx.newsdesk)(passage.articleId)?.source;
  await reply(interaction, formatPassage(passage, source), { private: isPrivate });
}
