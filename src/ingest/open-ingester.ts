// The ingester as config describes it: polite fetcher, the store over KNOWLEDGE_DIR/INGEST_DIR,
// validators under CACHE_DIR.
import type { Config } from "../config/index.js";
import type { Logger } from "../log.js";
import { fetchPolicy } from "./fetch-policy.js";
import { createFetcher } from "./fetcher.js";
import { createIngester, type Ingester } from "./ingester.js";
import { openStore } from "./store.js";
import { openValidators } from "./validators.js";

export async function openIngester(config: Config, logger: Logger): Promise<Ingester> {
  return createIngester({
    fetcher: createFetcher(fetchPolicy(config)),
    store: await openStore(config.KNOWLEDGE_DIR, config.INGEST_DIR),
    validators: await openValidators(config.CACHE_DIR),
    logger,
    sitemapLimit: config.INGEST_SITEMAP_LIMIT,
  });
}
