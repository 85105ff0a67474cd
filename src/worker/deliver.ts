// Delivering a reply through Discord's REST API, with no gateway connection. An interaction's
// deferred response is edited through its webhook (the token is valid for 15 minutes and needs no bot
// token; editing @original twice leaves one message); a channel reply carries a nonce with
// enforce_nonce, so Discord itself drops a second send of the same reply.
import { REST, Routes } from "discord.js";
import type { ReplyBody } from "../discord/format/reply-body.js";
import type { ReplyTarget } from "../scale/work.js";

/** The API form of the bot's no-mentions rule (src/discord/answer-flow.ts NO_MENTIONS). */
const ALLOWED_MENTIONS = { parse: [], users: [], roles: [], replied_user: false };

/** Discord accepts interaction follow-ups for 15 minutes after the interaction. */
export const INTERACTION_TOKEN_MS = 15 * 60_000;

export interface Delivery {
  send(target: ReplyTarget, body: ReplyBody, questionId: string): Promise<void>;
  /** Whether the reply already reached Discord (a deferred response stops "thinking" once edited). */
  delivered(target: ReplyTarget): Promise<boolean>;
}

/** Discord's LOADING message flag: set on a deferred response until it is edited. */
const LOADING = 1 << 7;

export function restDelivery(token: string, api?: string): Delivery {
  const rest = new REST({ version: "10", ...(api ? { api } : {}) }).setToken(token);
  const send: Delivery["send"] = async (target, body, questionId) => {
    const payload = { content: body.content ?? "", embeds: body.embeds, components: body.components, allowed_mentions: ALLOWED_MENTIONS };
    if (target.kind === "interaction") {
      await rest.patch(Routes.webhookMessage(target.applicationId, target.token, "@original"), { body: payload, auth: false });
      return;
    }
    await rest.post(Routes.channelMessages(target.channelId), {
      body: {
        ...payload,
        message_reference: { message_id: target.messageId, fail_if_not_exists: false },
        // One nonce per question (Discord allows 25 characters): a retried send is dropped by Discord.
        nonce: questionId.slice(0, 25),
        enforce_nonce: true,
      },
    });
  };
  return {
    send,
    async delivered(target) {
      // A channel reply needs no look: its nonce makes a second send a no-op at Discord.
      if (target.kind !== "interaction") return false;
      const original = (await rest.get(Routes.webhookMessage(target.applicationId, target.token, "@original"), { auth: false })) as {
        flags?: number;
      };
      return ((original.flags ?? 0) & LOADING) === 0;
    },
  };
}
