// Words for /follow, /unfollow and /feeds. Pure.
import type { FollowResult } from "../../ingest/feeds.js";
import type { FollowedFeed, UnfollowOutcome } from "../../ingest/follow-state.js";
import { LIMITS } from "./limits.js";

export function formatFollow(result: FollowResult, intervalMinutes: number): string {
  switch (result.kind) {
    case "added":
      return `Following <${result.url}>. Its articles are being fetched now; after that it is checked every ${intervalMinutes} min.`;
    case "already":
      return `<${result.url}> is already followed.`;
    case "invalid":
      return `Not followed: ${result.reason}.`;
    case "not-a-feed":
      return `Not followed: <${result.url}> could not be read as a feed (${result.reason}).`;
  }
}

export function formatUnfollow(result: UnfollowOutcome): string {
  switch (result.kind) {
    case "removed":
      return `No longer following <${result.url}>. Articles already fetched stay in the knowledge folder.`;
    case "from-settings":
      return `<${result.url}> comes from the FEEDS setting: remove it there and restart to stop following it.`;
    case "unknown":
      return `<${result.url}> is not followed. /feeds lists the feeds that are.`;
  }
}

function feedLine(feed: FollowedFeed): string {
  const name = feed.title ? `**${feed.title.replace(/[*_`~|>]/g, "")}** <${feed.url}>` : `<${feed.url}>`;
  const origin = feed.from === "settings" ? "from settings" : feed.addedBy ? `followed by <@${feed.addedBy}>` : "followed";
  const polled = feed.lastPoll ? `last checked <t:${Math.floor(Date.parse(feed.lastPoll) / 1000)}:R>` : "not checked yet";
  const error = feed.lastError ? ` · ⚠️ ${feed.lastError}` : "";
  return `• ${name} — ${origin} · ${feed.articles} article${feed.articles === 1 ? "" : "s"} · ${polled}${error}`;
}

export function formatFeeds(feeds: FollowedFeed[], intervalMinutes: number): string {
  if (!feeds.length) return "No feeds are followed. A member with Manage Server can add one with /follow url:…";
  const head = `Following ${feeds.length} feed${feeds.length === 1 ? "" : "s"}, checked every ${intervalMinutes} min:`;
  const lines: string[] = [head];
  for (const [i, feed] of feeds.entries()) {
    const line = feedLine(feed);
    const more = `… and ${feeds.length - i} more.`;
    if ([...lines, line].join("\n").length + more.length + 1 > LIMITS.content) {
      lines.push(more);
      break;
    }
    lines.push(line);
  }
  return lines.join("\n");
}
