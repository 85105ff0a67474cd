// No request reaches a private, loopback or link-local address unless INGEST_ALLOW_PRIVATE is on:
// checked on the URL, after DNS resolution (with the connection pinned to the checked address),
// and on every redirect.
import type { LookupAddress } from "node:dns";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/index.js";
import { fetchPolicy } from "../../../src/ingest/fetch-policy.js";
import { safeFetch, type FetchLimits } from "../../../src/ingest/safe-fetch.js";
import { startFixtureSite, type FixtureSite } from "../../../tools/ingest/fixture-site.js";
import { DATA, makeIngester, sampleArticles, testPolicy } from "./ingest-helpers.js";

const present = existsSync(path.join(DATA, "bbc"));
let site: FixtureSite;
beforeAll(async () => {
  if (present) site = await startFixtureSite(sampleArticles().slice(0, 2));
});
afterAll(async () => site?.close());

/** A resolver with its own names, counting calls. */
function resolver(names: Record<string, string[]>) {
  const calls: string[] = [];
  const lookup = ((hostname: string, _options: unknown, callback: (e: Error | null, a: LookupAddress[]) => void) => {
    calls.push(hostname);
    const addresses = names[hostname];
    if (!addresses) return callback(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }), []);
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  }) as unknown as FetchLimits["lookup"];
  return { lookup, calls };
}

const off = (extra: Partial<FetchLimits> = {}) => testPolicy({ allowPrivate: false, ...extra });

describe.skipIf(!present)("the private-address guard", () => {
  it("is off by default in the settings and on with INGEST_ALLOW_PRIVATE=true", () => {
    expect(fetchPolicy(loadConfig({}, {}, "/nonexistent.env")).allowPrivate).toBe(false);
    expect(fetchPolicy(loadConfig({}, { INGEST_ALLOW_PRIVATE: "true" }, "/nonexistent.env")).allowPrivate).toBe(true);
  });

  it.each([
    ["http://127.0.0.1:PORT/news/x", "refused: 127.0.0.1 is a private address"],
    ["http://[::1]:PORT/news/x", "refused: ::1 is a private address"],
    ["http://[::ffff:127.0.0.1]:PORT/news/x", "refused: ::ffff:7f00:1 is a private address"],
    ["http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a private address"],
    ["http://10.0.0.8/", "refused: 10.0.0.8 is a private address"],
    ["http://localhost:PORT/news/x", "refused: localhost is a local name"],
  ])("refuses %s without sending a request", async (raw, reason) => {
    const before = site.requests.length;
    const url = raw.replace("PORT", String(site.port));
    expect(await safeFetch({ url }, off())).toEqual({ kind: "failed", url: new URL(url).href, reason });
    expect(site.requests.length).toBe(before);
  });

  it("checks the address a name resolves to, and connects to the address it checked", async () => {
    const before = site.requests.length;
    const dns = resolver({ "news.example": ["127.0.0.1"], "mixed.example": ["93.184.216.34", "127.0.0.1"] });
    const url = `http://news.example:${site.port}/news/${site.articles[0]!.id}`;
    expect(await safeFetch({ url }, off({ lookup: dns.lookup }))).toMatchObject({
      kind: "failed",
      reason: "refused: news.example resolves to a private address (127.0.0.1)",
    });
    // An answer mixing a public and a private address (DNS rebinding) is refused as a whole.
    expect(await safeFetch({ url: `http://mixed.example:${site.port}/` }, off({ lookup: dns.lookup }))).toMatchObject({
      kind: "failed",
      reason: "refused: mixed.example resolves to a private address (127.0.0.1)",
    });
    expect(site.requests.length).toBe(before);
    // Allowed, the one lookup that was checked is the one the socket used.
    const allowed = resolver({ "news.example": ["127.0.0.1"] });
    const ok = await safeFetch({ url }, testPolicy({ lookup: allowed.lookup }));
    expect(ok).toMatchObject({ kind: "ok", status: 200 });
    expect(allowed.calls).toEqual(["news.example"]);
    expect(site.requests.at(-1)!.headers.host).toBe(`news.example:${site.port}`);
  });

  it("checks every redirect hop: a public page redirecting inside the network is refused at that hop", async () => {
    // Here 127.0.0.1 stands for a public address and 127.0.0.2 for the internal one.
    const dns = resolver({ "public.example": ["127.0.0.1"], "internal.example": ["127.0.0.2"] });
    const limits = off({ lookup: dns.lookup, isPrivate: (a) => a === "127.0.0.2" });
    const result = await safeFetch({ url: `http://public.example:${site.port}/to-internal` }, limits);
    expect(result).toMatchObject({ kind: "failed", reason: "refused: internal.example resolves to a private address (127.0.0.2)" });
    expect(dns.calls).toEqual(["public.example", "internal.example"]);
  });

  it("with INGEST_ALLOW_PRIVATE on, ingests from 127.0.0.1; off, the same URL fails with one log line", async () => {
    const url = `${site.origin}/news/${site.articles[1]!.id}`;
    expect((await (await makeIngester(testPolicy({ allowPrivate: true }))).ingester.ingest(url))[0]!.kind).toBe("added");
    const refused = await makeIngester(testPolicy({ allowPrivate: false }));
    expect(await refused.ingester.ingest(url)).toEqual([{ kind: "failed", url, reason: "refused: 127.0.0.1 is a private address" }]);
    expect(refused.logs.filter((l) => JSON.parse(l).level === "warn")).toHaveLength(1);
  });
});
