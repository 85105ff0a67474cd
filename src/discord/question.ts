// Reading a question out of a channel message. Pure.

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
