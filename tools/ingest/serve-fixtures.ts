// `npx tsx tools/ingest/serve-fixtures.ts [--data DIR] [--count N]`: the fixture news site on
// 127.0.0.1 for trying `npm run ingest` by hand (with INGEST_ALLOW_PRIVATE=true). Ctrl-C stops it.
import path from "node:path";
import { parseArgs } from "node:util";
import { bbcSample } from "./fixture-pages.js";
import { startFixtureSite } from "./fixture-site.js";

const { values } = parseArgs({
  options: { data: { type: "string", default: "../shared/data" }, count: { type: "string", default: "12" } },
});
const site = await startFixtureSite(bbcSample(path.resolve(values.data), Number(values.count)));
process.stdout.write(`${site.origin}\n  ${site.origin}/feed.rss\n  ${site.origin}/feed.atom\n  ${site.origin}/sitemap-index.xml\n`);
process.on("SIGINT", () => void site.close().then(() => process.exit(0)));
