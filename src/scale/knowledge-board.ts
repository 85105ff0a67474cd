// The announced knowledge version and the article list that goes with it, in Redis. Workers answer
// only while their own index has this version; gateway shards serve /articles and autocomplete from
// the list without holding an index.
import type { Redis } from "ioredis";
import type { ArticleInfo } from "../types.js";
import type { Keys } from "./redis-connection.js";

export interface Announcement {
  version: string;
  by: string;
  at: number;
  articles: ArticleInfo[];
}

export async function readAnnouncement(redis: Redis, k: Keys): Promise<Announcement | null> {
  const raw = await redis.get(k.knowledge);
  return raw ? (JSON.parse(raw) as Announcement) : null;
}

/** Announces a version; `firstOnly` announces only when none is (the first worker to start). */
export async function announce(redis: Redis, k: Keys, a: Announcement, options: { firstOnly?: boolean } = {}): Promise<boolean> {
  const json = JSON.stringify(a);
  const result = options.firstOnly ? await redis.set(k.knowledge, json, "NX") : await redis.set(k.knowledge, json);
  return result === "OK";
}
