// One GET with its redirects, refusing private addresses. The address is checked after DNS
// resolution inside the socket's own lookup, so the connection uses exactly the address that was
// checked (a DNS answer that changes between check and connect cannot slip through), and again
// on every redirect hop.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { isPrivateAddress } from "./address-guard.js";

export interface FetchLimits {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  /** DNS resolution; the system resolver unless a test gives hostnames of its own. */
  lookup?: typeof dnsLookup;
  /** Which addresses count as private; `isPrivateAddress` unless a test narrows it. */
  isPrivate?: (address: string) => boolean;
}

export interface FetchRequest {
  url: string;
  /** Validators from an earlier fetch: a 304 answer comes back as `not-modified`. */
  etag?: string;
  lastModified?: string;
  accept?: string;
}

export type FetchResult =
  | {
      kind: "ok";
      /** The URL after redirects. */
      url: string;
      status: number;
      contentType: string;
      body: Buffer;
      etag?: string;
      lastModified?: string;
    }
  | { kind: "not-modified"; url: string }
  | { kind: "failed"; url: string; reason: string; status?: number; retryAfterMs?: number };

class Refused extends Error {}

function guardedLookup(limits: FetchLimits): LookupFunction {
  const isPrivate = limits.isPrivate ?? isPrivateAddress;
  const lookup = limits.lookup ?? dnsLookup;
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      // Every address must pass: an answer mixing a public and a private address is refused.
      const bad = limits.allowPrivate ? undefined : addresses.find((a) => isPrivate(a.address));
      if (bad) return callback(new Refused(`${hostname} resolves to a private address (${bad.address})`), "", 4);
      if (!addresses.length) return callback(new Error(`${hostname} has no address`), "", 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Seconds or an HTTP date, as milliseconds from now. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers["content-encoding"] ?? "").toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

type Hop = { kind: "redirect"; location: string } | FetchResult;

function requestOnce(url: URL, request: FetchRequest, limits: FetchLimits, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve) => {
    const fail = (reason: string, extra: Partial<Extract<FetchResult, { kind: "failed" }>> = {}) =>
      resolve({ kind: "failed", url: url.href, reason, ...extra });
    const headers: Record<string, string> = {
      "user-agent": limits.userAgent,
      accept: request.accept ?? "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-encoding": "gzip, deflate, br",
    };
    if (request.etag) headers["if-none-match"] = request.etag;
    if (request.lastModified) headers["if-modified-since"] = request.lastModified;
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, { method: "GET", headers, lookup: guardedLookup(limits), agent: false, signal });
    req.on("error", (error) => {
      if (error instanceof Refused) return fail(`refused: ${error.message}`);
      if (signal.aborted) return fail(`timed out after ${limits.timeoutMs} ms`);
      fail(`network error: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
    });
    req.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const header = (name: string) => {
        const v = response.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        const location = header("location");
        return location ? resolve({ kind: "redirect", location }) : fail(`HTTP ${status} without a Location`, { status });
      }
      if (status === 304) {
        response.resume();
        return resolve({ kind: "not-modified", url: url.href });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return fail(`HTTP ${status}`, { status, retryAfterMs: retryAfterMs(header("retry-after")) });
      }
      const declared = Number(header("content-length"));
      if (declared > limits.maxBytes) {
        req.destroy();
        return fail(`response of ${declared} bytes is over the ${limits.maxBytes}-byte limit`, { status });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decoded(response);
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Counted after decompression, so a small compressed bomb is stopped too.
        if (size > limits.maxBytes) {
          req.destroy();
          body.destroy();
          return fail(`response is over the ${limits.maxBytes}-byte limit`, { status });
        }
        chunks.push(chunk);
      });
      body.on("error", (error) => fail(signal.aborted ? `timed out after ${limits.timeoutMs} ms` : `broken response: ${error.message}`));
      body.on("end", () =>
        resolve({
          kind: "ok",
          url: url.href,
          status,
          contentType: header("content-type") ?? "",
          body: Buffer.concat(chunks),
          etag: header("etag"),
          lastModified: header("last-modified"),
        }),
      );
    });
    req.end();
  });
}

/** Checks a URL before any connection: scheme, and the host when it is an address literal
 *  (no DNS lookup happens for those, so the socket's lookup check would not run). */
export function refuseUrl(url: URL, allowPrivate: boolean, isPrivate = isPrivateAddress): string | undefined {
  if (url.protocol !== "http:" && url.protocol !== "https:") return `only http and https are fetched, not ${url.protocol}`;
  if (url.username || url.password) return "URLs with credentials are not fetched";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) && isPrivate(host)) return `refused: ${host} is a private address`;
  if (!allowPrivate && /^localhost$|\.localhost$/i.test(host)) return `refused: ${host} is a local name`;
  return undefined;
}

/** GET `request.url`, following at most `maxRedirects` redirects, within one overall deadline. */
export async function safeFetch(request: FetchRequest, limits: FetchLimits): Promise<FetchResult> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: "failed", url: request.url, reason: "not a valid URL" };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const seen = new Set<string>();
  try {
    for (let hop = 0; ; hop++) {
      const refusal = refuseUrl(url, limits.allowPrivate, limits.isPrivate);
      if (refusal) return { kind: "failed", url: url.href, reason: refusal };
      seen.add(url.href);
      // Validators belong to the URL asked for; a redirect target gets a plain request.
      const result = await requestOnce(url, hop === 0 ? request : { url: url.href, accept: request.accept }, limits, controller.signal);
      if (result.kind !== "redirect") return result;
      let next: URL;
      try {
        next = new URL(result.location, url);
      } catch {
        return { kind: "failed", url: url.href, reason: `redirect to an invalid URL: ${result.location}` };
      }
      if (seen.has(next.href)) return { kind: "failed", url: request.url, reason: `redirect loop at ${next.href}` };
      if (hop + 1 > limits.maxRedirects) return { kind: "failed", url: request.url, reason: `more than ${limits.maxRedirects} redirects` };
      url = next;
    }
  } finally {
    clearTimeout(timer);
  }
}
