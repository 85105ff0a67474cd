// Delivering a reply through Discord's REST API, with no gateway connection, by the same delivery
// policy as the one-process bot (this folder): an interaction's deferred response is edited
// through its webhook (the token is valid for 15 minutes and needs no bot token) with retries and
// backoff, then looked at and answered once as a follow-up; a channel reply carries the bot's nonce
// with enforce_nonce, so Discord itself drops a second send of the same reply.
import { REST, Routes, SnowflakeUtil } from "discord.js";
import type { Logger } from "../../log.js";
import { deliverToDeferred } from "./deliver-interaction.js";
import { deliverChannelReply } from "./deliver-to-channel.js";
import { DEFAULT_DELIVERY, type DeliveryPolicy } from "./delivery-policy.js";
import type { ReplyBody } from "../format/reply-body.js";
import { safeBody } from "../format/safe-text.js";
import type { ReplyTarget } from "../../scale/work.js";

/** The API form of the bot's no-mentions rule (src/discord/answer-flow.ts NO_MENTIONS). */
const ALLOWED_MENTIONS = { parse: [], users: [], roles: [], replied_user: false };

/** Discord accepts interaction follow-ups for 15 minutes after the interaction. */
export const INTERACTION_TOKEN_MS = DEFAULT_DELIVERY.tokenLifetimeMs;

export interface Delivery {
  /** Delivers by the policy; throws DeliveryError when Discord did not take it in time (the answer is lost). */
  send(target: ReplyTarget, body: ReplyBody, question: { id: string; enqueuedAt: number }): Promise<void>;
  /** Whether the reply already reached Discord (a deferred response stops "thinking" once edited). */
  delivered(target: ReplyTarget): Promise<boolean>;
}

export interface RestDeliveryOptions {
  api?: string;
  logger: Logger;
  policy?: Partial<DeliveryPolicy>;
}

/** Discord's LOADING message flag: set on a deferred response until it is edited. */
const LOADING = 1 << 7;
/** Discord's EPHEMERAL message flag. */
const EPHEMERAL = 1 << 6;

/**
 * When the question was asked: its id is a Discord snowflake holding its creation time; the
 * enqueue time is the bound for ids that are not (and for clocks that disagree: the earlier wins).
 */
export function askedAt(question: { id: string; enqueuedAt: number }): number {
  if (!/^\d{17,20}$/.test(question.id)) return question.enqueuedAt;
  return Math.min(question.enqueuedAt, SnowflakeUtil.timestampFrom(question.id));
}

export function restDelivery(token: string, options: RestDeliveryOptions): Delivery {
  const rest = new REST({ version: "10", ...(options.api ? { api: options.api } : {}) }).setToken(token);
  const policy = { ...DEFAULT_DELIVERY, ...options.policy };
  const original = (target: Extract<ReplyTarget, { kind: "interaction" }>) =>
    rest.get(Routes.webhookMessage(target.applicationId, target.token, "@original"), { auth: false }) as Promise<{
      flags?: number;
      content?: string;
      embeds?: unknown[];
    }>;
  const payload = (body: ReplyBody) => ({
    content: body.content ?? "",
    embeds: body.embeds,
    components: body.components,
    allowed_mentions: ALLOWED_MENTIONS,
  });

  return {
    async send(target, raw, question) {
      const body = safeBody(raw);
      const createdAt = askedAt(question);
      const settings = { policy, logger: options.logger, receivedAt: question.enqueuedAt };
      if (target.kind === "message") {
        const post = (channelId: string, body: object) => rest.post(Routes.channelMessages(channelId), { body });
        await deliverChannelReply({ channelId: target.channelId, messageId: target.messageId, createdAt }, body, post, settings);
        return;
      }
      await deliverToDeferred(
        {
          id: question.id,
          createdAt,
          edit: (b) =>
            rest.patch(Routes.webhookMessage(target.applicationId, target.token, "@original"), { body: payload(b), auth: false }),
          followUp: (b) =>
            rest.post(Routes.webhook(target.applicationId, target.token), {
              body: { ...payload(b), content: b.content || undefined, ...(target.private ? { flags: EPHEMERAL } : {}) },
              auth: false,
            }),
          shown: async () => {
            const o = await original(target);
            return ((o.flags ?? 0) & LOADING) === 0 || Boolean(o.content || o.embeds?.length);
          },
        },
        body,
        settings,
      );
    },
    async delivered(target) {
      // A channel reply needs no look: its nonce makes a second send a no-op at Discord.
      if (target.kind !== "interaction") return false;
      return (((await original(target)).flags ?? 0) & LOADING) === 0;
    },
  };
}
