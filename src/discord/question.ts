// Reading a question out of Discord text. Pure.

const ASKING_WORDS = new Set([
  "who",
  "whom",
  "whose",
  "what",
  "when",
  "where",
  "why",
  "how",
  "which",
  "is",
  "are",
  "was",
  "were",
  "do",
  "does",
  "did",
  "can",
  "could",
  "will",
  "would",
  "should",
  "has",
  "have",
  "had",
]);

/** The message text without mentions of the bot (`<@id>` or the legacy `<@!id>`), squeezed. */
export function stripBotMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Discord's own markup out of a question: custom emoji (`<:name:id>`), user, role and channel
 * mentions (`<@id>`, `<@&id>`, `<#id>`), @everyone and @here carry no meaning for retrieval. The core
 * then drops links and formatting characters and refuses an empty or over-long question.
 */
export function stripDiscordMarkup(text: string): string {
  return text
    .replace(/<a?:(\w+):\d+>/g, " ")
    .replace(/<[@#][!&]?\d+>/g, " ")
    .replace(/@(everyone|here)\b/g, " ");
}

/** Whether a message in an ask channel reads as a question worth answering. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length < 6 || t.startsWith("/")) return false;
  if (/\?\s*$/.test(t.replace(/[\s"'”’)\]]+$/u, ""))) return true;
  const words = t.toLowerCase().split(/\s+/);
  return words.length >= 3 && ASKING_WORDS.has(words[0]!.replace(/[^a-z]/g, ""));
}

export function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
