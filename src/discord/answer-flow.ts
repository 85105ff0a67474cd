// One question, from any door (slash command, mention, ask channel, context menu), to one reply.
import type { MessageMentionOptions } from "discord.js";
import { QuestionError } from "../errors.js";
import { formatAnswer } from "./format/answer-reply.js";
import { textReply, type ReplyBody } from "./format/reply-body.js";
import { cleanText } from "./format/safe-text.js";
import { articleLookup, type BotContext } from "./context.js";
import { stripDiscordMarkup } from "./question.js";
import { queuedReply, type QueuedSink } from "./queued-reply.js";
import { queueForWorkers, type WorkerSink } from "./worker-reply.js";
import type { ConversationRef } from "./conversation-key.js";

/** On every message the bot sends: it never pings anyone, whatever the text says. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], users: [], roles: [], repliedUser: false };

export const HOW_TO_ASK = "Ask me about the news articles, for example: `@Newsdesk who accompanied Haftar?` or `/ask`.";
export const WENT_WRONG = "Something went wrong while answering that. The details are in the bot's log.";

/** How a reply reaches the asker; interactions and channel messages differ only here. */
export interface AnswerSink extends QueuedSink {
  deliver(body: ReplyBody): Promise<void>;
  /** Where a worker in another process delivers the reply (used only when answer workers answer). */
  readonly replyTo: WorkerSink["replyTo"];
}

/** The core's options for a question in `conversation` (none: a question on its own). */
export function askOptions(conversation: ConversationRef | undefined) {
  if (!conversation) return undefined;
  const { key, continueFrom, withinMs } = conversation;
  return { conversation: key, ...(continueFrom !== undefined && { continueFrom }), ...(withinMs !== undefined && { withinMs }) };
}

export async function answerQuestion(
  ctx: BotContext,
  userId: string,
  question: string,
  sink: AnswerSink,
  /** A promise when finding it takes a call to Discord: the acknowledgement does not wait for it. */
  pending?: ConversationRef | Promise<ConversationRef>,
): Promise<void> {
  // Controls, bidi overrides and invisible characters carry no meaning and would be echoed.
  const q = cleanText(question).trim();
  if (!q) return sink.refuse(HOW_TO_ASK);
  if (ctx.cluster) {
    const conversation = await pending;
    const work = { kind: "ask" as const, question: q, ...(conversation && { conversation }) };
    return queueForWorkers(ctx, ctx.cluster, userId, work, sink, { cooldown: true });
  }
  let conversation: ConversationRef | undefined;
  const ask = async () => {
    conversation = await pending;
    return ctx.newsdesk.ask(stripDiscordMarkup(q), askOptions(conversation));
  };
  const done = await queuedReply(ctx.gate, userId, ask, sink, { cooldown: true });
  if (done.kind === "refused") return;
  if (done.kind === "done") {
    const lookup = articleLookup(ctx.newsdesk);
    const followUp = done.value.conversation?.followUp ?? false;
    ctx.logger.info("answered", { kind: done.value.kind, mode: done.value.mode, chars: q.length, ...(conversation && { followUp }) });
    return sink.deliver(formatAnswer(done.value, (id) => lookup(id)?.title, { followUpId: conversation?.followUpId }));
  }
  if (done.error instanceof QuestionError) return sink.deliver(textReply(done.error.message));
  ctx.logger.error("ask failed", { error: done.error });
  return sink.deliver(textReply(WENT_WRONG));
}
