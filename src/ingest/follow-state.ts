// Which feeds are followed and what was last seen in each: FEEDS from the settings plus those
// added with /follow, kept in CACHE_DIR/ingest/feeds.json (written atomically).
import path from "node:path";
import { z } from "zod";
import { readJsonState, writeJsonState } from "./json-state.js";

export interface FeedRecord {
  /** Who followed it at run time; absent for feeds from the FEEDS setting. */
  addedBy?: string;
  addedAt?: string;
  title?: string;
  etag?: string;
  lastModified?: string;
  /** Item URLs already ingested (newest kept), so a poll fetches only new articles. */
  seen: string[];
  lastPoll?: string;
  lastError?: string;
  articles: number;
}

interface StateFile {
  version: 1;
  /** Feeds followed at run time, in the order they were added. */
  followed: string[];
  feeds: Record<string, FeedRecord>;
}

export interface FollowedFeed extends FeedRecord {
  url: string;
  from: "settings" | "follow";
}

export type FollowOutcome = { kind: "added"; url: string } | { kind: "already"; url: string } | { kind: "invalid"; reason: string };
export type UnfollowOutcome = { kind: "removed"; url: string } | { kind: "from-settings"; url: string } | { kind: "unknown"; url: string };

export interface FollowState {
  list(): FollowedFeed[];
  follow(url: string, by: string): FollowOutcome;
  unfollow(url: string): UnfollowOutcome;
  record(url: string): FeedRecord;
  save(): Promise<void>;
  /** Re-reads the file (another process that shares it — a gateway shard — may have changed it). */
  reload(): Promise<void>;
}

const SEEN_LIMIT = 2000;

// The whole shape is checked, not just its top: a hand-edited file with `"seen": null` would
// otherwise fail on the first poll instead of at start-up with a message naming the file.
const FEED_RECORD = z.object({
  addedBy: z.string().optional(),
  addedAt: z.string().optional(),
  title: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  seen: z.array(z.string()),
  lastPoll: z.string().optional(),
  lastError: z.string().optional(),
  articles: z.number().int().nonnegative(),
});
const STATE_FILE = z.object({ version: z.literal(1), followed: z.array(z.string()), feeds: z.record(z.string(), FEED_RECORD) });

const isState = (v: unknown): v is StateFile => STATE_FILE.safeParse(v).success;

/** The URL as it is stored and compared: absolute http(s), no fragment. */
export function normaliseFeedUrl(raw: string): { url: string } | { reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { reason: "that is not a URL (it should start with https://)" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { reason: `only http and https feeds can be followed, not ${url.protocol}` };
  url.hash = "";
  return { url: url.href };
}

export async function openFollowState(cacheDir: string, configured: readonly string[]): Promise<FollowState> {
  const file = path.join(cacheDir, "ingest", "feeds.json");
  const read = () => readJsonState<StateFile>(file, { version: 1, followed: [], feeds: {} }, isState);
  let state = await read();
  const fromSettings = configured.flatMap((raw) => {
    const n = normaliseFeedUrl(raw);
    return "url" in n ? [n.url] : [];
  });
  const record = (url: string) => (state.feeds[url] ??= { seen: [], articles: 0 });
  return {
    list: () => [
      ...fromSettings.map((url) => ({ url, from: "settings" as const, ...record(url) })),
      ...state.followed.filter((u) => !fromSettings.includes(u)).map((url) => ({ url, from: "follow" as const, ...record(url) })),
    ],
    follow(raw, by) {
      const n = normaliseFeedUrl(raw);
      if (!("url" in n)) return { kind: "invalid", reason: n.reason };
      if (fromSettings.includes(n.url) || state.followed.includes(n.url)) return { kind: "already", url: n.url };
      state.followed.push(n.url);
      Object.assign(record(n.url), { addedBy: by, addedAt: new Date().toISOString() });
      return { kind: "added", url: n.url };
    },
    unfollow(raw) {
      const n = normaliseFeedUrl(raw);
      const url = "url" in n ? n.url : raw;
      if (fromSettings.includes(url)) return { kind: "from-settings", url };
      if (!state.followed.includes(url)) return { kind: "unknown", url };
      state.followed = state.followed.filter((u) => u !== url);
      delete state.feeds[url];
      return { kind: "removed", url };
    },
    record,
    async save() {
      for (const r of Object.values(state.feeds)) r.seen = r.seen.slice(-SEEN_LIMIT);
      await writeJsonState(file, state);
    },
    async reload() {
      state = await read();
    },
  };
}
