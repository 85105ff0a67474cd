// A reply to a channel message (a mention or an ask-channel question), retried while Discord's
// nonce window lasts. The nonce comes from the question's id and enforce_nonce makes Discord
// return the reply it already has instead of posting another: a retry after a lost response, or a
// second worker answering the same message, never shows two replies.
import type { Message, RESTPostAPIChannelMessageJSONBody } from "discord.js";
import { DeliveryError } from "../../errors.js";
import type { ReplyBody } from "../format/reply-body.js";
import { retryOptions, type DeliverySettings } from "./deliver-interaction.js";
import type { ReplyLanes } from "./reply-lanes.js";
import { retryUntil } from "./retry.js";

/** The API form of "reply, ping nobody": discord.js's allowedMentions as raw JSON. */
const API_NO_MENTIONS = { parse: [], users: [], roles: [], replied_user: false };

export function replyPayload(question: Pick<Message, "id">, body: ReplyBody): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(body.content ? { content: body.content } : {}),
    embeds: body.embeds,
    components: body.components,
    allowed_mentions: API_NO_MENTIONS,
    // A question deleted meanwhile still gets its answer, as a plain message.
    message_reference: { message_id: question.id, fail_if_not_exists: false },
    nonce: `nd${question.id}`,
    enforce_nonce: true,
  };
}

export async function deliverToChannel(lanes: ReplyLanes, question: Message, body: ReplyBody, s: DeliverySettings): Promise<void> {
  const born = Math.min(question.createdTimestamp, s.receivedAt);
  const what = { channel: question.channelId, message: question.id };
  const sent = await retryUntil(() => lanes.post(question.channelId, replyPayload(question, body)), {
    ...retryOptions(born + s.policy.mentionWindowMs, s, what),
  });
  if (sent.kind === "sent") {
    if (sent.attempts > 1) s.logger.info("reply delivered after retrying", { ...what, attempts: sent.attempts });
    return;
  }
  throw new DeliveryError("Discord did not take the reply to a message", { ...what, attempts: sent.attempts }, { cause: sent.error });
}
