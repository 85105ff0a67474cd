// How Newsdesk fetches: who it says it is, and the limits every request keeps. Built once from config.
import { createRequire } from "node:module";
import type { Config } from "../config/index.js";
import type { FetchLimits } from "./safe-fetch.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export interface FetchPolicy extends FetchLimits {
  /** The product token robots.txt groups are matched against. */
  robotsAgent: string;
  hostDelayMs: number;
  /** A 429/503 asking to wait longer than this fails instead of waiting. */
  maxRetryWaitMs: number;
}

export function userAgent(contact: string): string {
  const reach = contact.trim() ? `; +${contact.trim()}` : "";
  return `Newsdesk/${version} (news question-answering bot${reach})`;
}

export function fetchPolicy(config: Config): FetchPolicy {
  return {
    userAgent: userAgent(config.INGEST_CONTACT),
    robotsAgent: "Newsdesk",
    timeoutMs: config.INGEST_TIMEOUT_MS,
    maxBytes: config.INGEST_MAX_BYTES,
    maxRedirects: config.INGEST_MAX_REDIRECTS,
    allowPrivate: config.INGEST_ALLOW_PRIVATE,
    hostDelayMs: config.INGEST_HOST_DELAY_MS,
    maxRetryWaitMs: 60_000,
  };
}
