// ETag / Last-Modified per URL fetched, so the next fetch can be answered "304 Not Modified".
import path from "node:path";
import { z } from "zod";
import { readJsonState, writeJsonState } from "./json-state.js";

export interface Validator {
  etag?: string;
  lastModified?: string;
  /** For an article page: the canonical URL it was stored under. */
  canonical?: string;
}

export interface Validators {
  get(url: string): Validator | undefined;
  set(url: string, value: Validator): void;
  save(): Promise<void>;
}

const VALIDATORS = z.record(
  z.string(),
  z.object({ etag: z.string().optional(), lastModified: z.string().optional(), canonical: z.string().optional() }),
);
const isRecord = (v: unknown): v is Record<string, Validator> => VALIDATORS.safeParse(v).success;

export async function openValidators(cacheDir: string): Promise<Validators> {
  const file = path.join(cacheDir, "ingest", "validators.json");
  // Only a cache (the next fetch is just not conditional): one that cannot be read or does not hold
  // what Newsdesk wrote starts empty and is rewritten, rather than stopping the ingest.
  const map = new Map(Object.entries(await readJsonState(file, {}, isRecord).catch((): Record<string, Validator> => ({}))));
  let dirty = false;
  return {
    get: (url) => map.get(url),
    set(url, value) {
      if (!value.etag && !value.lastModified) return void (dirty = map.delete(url) || dirty);
      map.set(url, { etag: value.etag, lastModified: value.lastModified, canonical: value.canonical });
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      await writeJsonState(file, Object.fromEntries(map));
      dirty = false;
    },
  };
}
