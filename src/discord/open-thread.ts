// A thread on one of the bot's answers, for follow-up questions: the "Ask a follow-up" button and
// /ask's thread option open one. Messages in it continue the answer's conversation (follow-up.ts).
import { MessageFlags, RESTJSONErrorCodes, type ButtonInteraction, type Message } from "discord.js";
import { NO_MENTIONS } from "./answer-flow.js";
import type { BotContext } from "./context.js";
import { fitText } from "./format/limits.js";

export type OpenedThread = { kind: "opened" | "exists"; threadId: string } | { kind: "failed" };

/** Discord limits a thread name to 100 characters; the answer's question names it. */
function threadName(answer: Message): string {
  const asked = answer.embeds[0]?.author?.name?.replace(/^Q:\s*/, "").trim();
  return fitText(`Follow-up: ${asked || "your question"}`, 100);
}

export async function openThreadOn(answer: Message, ctx: BotContext): Promise<OpenedThread> {
  // A thread started from a message has the message's id.
  if (answer.hasThread) return { kind: "exists", threadId: answer.id };
  try {
    const thread = await answer.startThread({ name: threadName(answer), autoArchiveDuration: 60 });
    ctx.logger.info("opened a follow-up thread", { thread: thread.id, channel: answer.channelId });
    return { kind: "opened", threadId: thread.id };
  } catch (error) {
    if ((error as { code?: unknown }).code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
      return { kind: "exists", threadId: answer.id };
    }
    ctx.logger.warn("could not open a follow-up thread", { error, channel: answer.channelId, message: answer.id });
    return { kind: "failed" };
  }
}

export const NO_THREAD =
  "I could not open a thread here (the bot may lack the Create Public Threads permission). Reply to the answer instead: that follows it up too.";

/** "Ask a follow-up": a thread on the answer, and a private note pointing to it. */
export async function onFollowUpButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const answer = interaction.message;
  const privately = { flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
  if (answer.channel?.isThread()) {
    await interaction.reply({ content: "Ask your follow-up right here in this thread.", ...privately });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const opened = await openThreadOn(answer, ctx);
  const content = opened.kind === "failed" ? NO_THREAD : `Ask your follow-up in <#${opened.threadId}>: it continues from this answer.`;
  await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
}
