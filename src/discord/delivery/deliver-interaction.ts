// The answer to a deferred interaction, delivered whatever Discord's REST does meanwhile: the edit
// is retried with backoff while the token lives (minus a reserve), then the same body goes out once
// as a follow-up. An edit is idempotent, so retrying it never shows the answer twice. The policy runs
// on three operations, so the bot (discord.js interaction) and an answer worker (Discord's REST API
// with the interaction's token, src/discord/delivery/rest-delivery.ts) deliver alike.
import { MessageFlags, type RepliableInteraction } from "discord.js";
import { DeliveryError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { NO_MENTIONS } from "../answer-flow.js";
import type { ReplyBody } from "../format/reply-body.js";
import type { DeliveryPolicy } from "./delivery-policy.js";
import { retryUntil, type RetryOptions } from "./retry.js";

export interface DeliverySettings {
  policy: DeliveryPolicy;
  logger: Logger;
  /** When the interaction reached the bot (its token's clock starts at creation, just before). */
  receivedAt: number;
}

export function retryOptions(deadline: number, s: DeliverySettings, what: Record<string, unknown>): RetryOptions {
  return {
    deadline,
    firstDelayMs: s.policy.firstDelayMs,
    maxDelayMs: s.policy.maxDelayMs,
    onRetry: (error, attempt, delayMs) => s.logger.warn("Discord did not take the reply; retrying", { ...what, attempt, delayMs, error }),
  };
}

/** What delivering to a deferred interaction needs, whoever holds it. */
export interface DeferredResponse {
  /** The interaction's id (for the log). */
  id: string;
  /** When the interaction was created (its token's clock), ms since the epoch. */
  createdAt: number;
  /** Edits the deferred response (@original). */
  edit(body: ReplyBody): Promise<unknown>;
  /** Posts a follow-up message (private when the response was). */
  followUp(body: ReplyBody): Promise<unknown>;
  /** Whether the response already shows an answer (an edit whose response was lost did reach Discord). */
  shown(): Promise<boolean>;
}

export async function deliverEdit(
  interaction: RepliableInteraction,
  body: ReplyBody,
  isPrivate: boolean,
  s: DeliverySettings,
): Promise<void> {
  await deliverToDeferred(
    {
      id: interaction.id,
      createdAt: interaction.createdTimestamp,
      edit: (b) => interaction.editReply({ ...b, content: b.content ?? "", allowedMentions: NO_MENTIONS }),
      followUp: (b) =>
        interaction.followUp({
          ...b,
          content: b.content || undefined,
          allowedMentions: NO_MENTIONS,
          ...(isPrivate ? { flags: MessageFlags.Ephemeral as const } : {}),
        }),
      shown: () => alreadyShown(interaction),
    },
    body,
    s,
  );
}

/** The delivery policy for a deferred response: edit with retries, then a look, then one follow-up. */
export async function deliverToDeferred(response: DeferredResponse, body: ReplyBody, s: DeliverySettings): Promise<void> {
  // A clock ahead of Discord's would make the window look shorter, never longer.
  const born = Math.min(response.createdAt, s.receivedAt);
  const what = { interaction: response.id };
  const editDeadline = born + s.policy.tokenLifetimeMs - s.policy.followUpReserveMs;
  const edited = await retryUntil(() => response.edit(body), retryOptions(editDeadline, s, what));
  if (edited.kind === "sent") {
    if (edited.attempts > 1) s.logger.info("reply delivered after retrying", { ...what, attempts: edited.attempts });
    return;
  }
  s.logger.warn("could not edit the deferred reply; sending the answer as a follow-up", { ...what, error: edited.error });
  if (await response.shown().catch(() => false)) return;
  const followed = await retryUntil(
    () => response.followUp(body),
    retryOptions(born + s.policy.tokenLifetimeMs - 1000, s, { ...what, followUp: true }),
  );
  if (followed.kind === "sent") {
    s.logger.info("answer delivered as a follow-up", { ...what, attempts: followed.attempts });
    return;
  }
  throw new DeliveryError("Discord did not take the answer before the interaction expired", { ...what }, { cause: followed.error });
}

/** Whether an edit reported as failed did reach Discord (its response lost on the way back). */
async function alreadyShown(interaction: RepliableInteraction): Promise<boolean> {
  try {
    const original = await interaction.fetchReply();
    return Boolean(original.content || original.embeds.length);
  } catch {
    return false;
  }
}
