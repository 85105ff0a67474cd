// Custom ids of the buttons the bot sends, and the one parser that reads them back. A click carries
// whatever id the client sends, so an id the bot did not build parses to `unknown`, never a throw.

import { isConversationId } from "../conversation-key.js";

export type ButtonAction =
  | { kind: "passage"; passageId: string }
  | { kind: "articles"; page: number }
  | { kind: "follow-up"; conversationId: string }
  | { kind: "unknown" };

export const CUSTOM_ID = {
  passage: (passageId: string) => `passage:${passageId}`,
  articlesPage: (page: number) => `articles:${page}`,
  /** "Ask a follow-up": opens a thread on the answer, continuing its conversation. */
  followUp: (conversationId: string) => `followup:${conversationId}`,
};

/** Small integers; "◀ Newer" on the first page (disabled) is page -1. formatArticlesPage clamps. */
const PAGE = /^-?\d{1,6}$/;

export function parseCustomId(customId: string): ButtonAction {
  const colon = customId.indexOf(":");
  if (colon < 0) return { kind: "unknown" };
  const kind = customId.slice(0, colon);
  const arg = customId.slice(colon + 1);
  if (kind === "passage" && arg.trim()) return { kind: "passage", passageId: arg };
  if (kind === "articles" && PAGE.test(arg)) return { kind: "articles", page: Number(arg) };
  if (kind === "followup" && isConversationId(arg)) return { kind: "follow-up", conversationId: arg };
  return { kind: "unknown" };
}
