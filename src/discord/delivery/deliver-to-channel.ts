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
  await deliverChannelReply(
    { channelId: question.channelId, messageId: question.id, createdAt: question.createdTimestamp },
    body,
    (channelId, payload) => lanes.post(channelId, payload),
    s,
  );
}

/** The delivery policy for a channel reply, whoever posts it (the bot's lanes, a worker's REST client). */
export async function deliverChannelReply(
  question: { channelId: string; messageId: string; createdAt: number },
  body: ReplyBody,
  post: (channelId: string, payload: RESTPostAPIChannelMessageJSONBody) => Promise<unknown>,
  s: DeliverySettings,
): Promise<void> {
  const born = Math.min(question.createdAt, s.receivedAt);
  const what = { channel: question.channelId, message: question.messageId };
  const payload = replyPayload({ id: question.messageId }, body);
  const sent = await retryUntil(() => post(question.channelId, payload), retryOptions(born + s.policy.mentionWindowMs, s, what));
  if (sent.kind === "sent") {
    if (sent.attempts > 1) s.logger.info("reply delivered after retrying", { ...what, attempts: sent.attempts });
    return;
  }
  throw new DeliveryError("Discord did not take the reply to a message", { ...what, attempts: sent.attempts }, { cause: sent.error });
}
