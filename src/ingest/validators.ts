// ETag / Last-Modified per URL fetched, so the next fetch can be answered "304 Not Modified".
import path from "node:path";
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

const isRecord = (v: unknown): v is Record<string, Validator> => typeof v === "object" && v !== null && !Array.isArray(v);

export async function openValidators(cacheDir: string): Promise<Validators> {
  const file = path.join(cacheDir, "ingest", "validators.json");
  const map = new Map(Object.entries(await readJsonState(file, {}, isRecord)));
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
