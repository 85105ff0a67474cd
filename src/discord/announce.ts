// New articles from followed feeds, posted to ANNOUNCE_CHANNEL (off unless set). A failure to
// post is logged; it never stops ingesting.
import type { Client } from "discord.js";
import type { NewArticle } from "../ingest/poller.js";
import type { Logger } from "../log.js";
import { NO_MENTIONS } from "./answer-flow.js";
import { LIMITS } from "./format/limits.js";

export function formatAnnouncement(articles: NewArticle[]): string {
  const added = articles.filter((a) => a.kind === "added");
  const updated = articles.filter((a) => a.kind === "updated");
  const line = (a: NewArticle) => `• **${a.title.replace(/[*_`~|>]/g, "")}** <${a.url}>`;
  const parts = [
    added.length ? `📰 ${added.length} new article${added.length === 1 ? "" : "s"} in the knowledge:` : "",
    ...added.map(line),
    updated.length ? `✏️ Updated at the source:` : "",
    ...updated.map(line),
  ].filter(Boolean);
  let text = "";
  for (const [i, part] of parts.entries()) {
    const more = `… and ${parts.length - i} more lines.`;
    if (text.length + part.length + more.length + 2 > LIMITS.content) return text + more;
    text += (text ? "\n" : "") + part;
  }
  return text;
}

export async function announceArticles(client: Client, channelId: string, articles: NewArticle[], logger: Logger): Promise<void> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      logger.warn("ANNOUNCE_CHANNEL is not a channel the bot can post in", { channel: channelId });
      return;
    }
    await channel.send({ content: formatAnnouncement(articles), allowedMentions: NO_MENTIONS });
  } catch (error) {
    logger.warn("announcing new articles failed", { channel: channelId, error });
  }
}
