// A fixture news site and an ingester over a temporary knowledge folder, for the ingest tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLogger } from "../../../src/log.js";
import type { FetchPolicy } from "../../../src/ingest/fetch-policy.js";
import { createFetcher } from "../../../src/ingest/fetcher.js";
import { createIngester, type Ingester } from "../../../src/ingest/ingester.js";
import { openStore } from "../../../src/ingest/store.js";
import { openValidators } from "../../../src/ingest/validators.js";
import { readBbcArticle } from "../../../tools/ingest/fixture-pages.js";

export const DATA = path.resolve(import.meta.dirname, "../../../../shared/data");

/** Twelve BBC articles; the first three hold "£" (for the charset cases). */
export function sampleArticles() {
  const files: [string, string][] = [
    ["business", "001.txt"],
    ["business", "003.txt"],
    ["business", "004.txt"],
    ["tech", "001.txt"],
    ["tech", "002.txt"],
    ["sport", "001.txt"],
    ["sport", "002.txt"],
    ["politics", "001.txt"],
    ["politics", "002.txt"],
    ["entertainment", "001.txt"],
    ["entertainment", "002.txt"],
    ["tech", "003.txt"],
  ];
  return files.map(([c, f]) => readBbcArticle(DATA, c, f));
}

export function testPolicy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return {
    userAgent: "Newsdesk/test (news question-answering bot; +ops@example.org)",
    robotsAgent: "Newsdesk",
    timeoutMs: 1500,
    maxBytes: 2_000_000,
    maxRedirects: 5,
    allowPrivate: true,
    hostDelayMs: 0,
    maxRetryWaitMs: 5000,
    ...overrides,
  };
}

export interface TestIngester {
  ingester: Ingester;
  knowledge: string;
  cache: string;
  logs: string[];
}

export async function makeIngester(policy: FetchPolicy = testPolicy(), dirs?: { knowledge: string; cache: string }): Promise<TestIngester> {
  const work = mkdtempSync(path.join(tmpdir(), "newsdesk-ingest-"));
  const knowledge = dirs?.knowledge ?? path.join(work, "knowledge");
  const cache = dirs?.cache ?? path.join(work, "cache");
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", format: "json", write: (l) => logs.push(l) });
  const ingester = createIngester({
    fetcher: createFetcher(policy),
    store: await openStore(knowledge, "web"),
    validators: await openValidators(cache),
    logger,
    sitemapLimit: 100,
  });
  return { ingester, knowledge, cache, logs };
}
