// How long the bot keeps trying to deliver a reply, and how fast it retries. Tests shorten these.

export interface DeliveryPolicy {
  /** Discord accepts edits and follow-ups with an interaction's token for 15 minutes. */
  tokenLifetimeMs: number;
  /** Of that lifetime, what is kept for the follow-up message once editing keeps failing. */
  followUpReserveMs: number;
  /** How long a mention's reply is retried; within Discord's enforce_nonce window, so never twice. */
  mentionWindowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_DELIVERY: DeliveryPolicy = {
  tokenLifetimeMs: 15 * 60_000,
  followUpReserveMs: 60_000,
  mentionWindowMs: 2 * 60_000,
  firstDelayMs: 250,
  maxDelayMs: 8_000,
};
