// Polite fetching: robots.txt asked once per origin, requests spaced per host, a 429/503 with a
// short Retry-After waited out once; all of it over safeFetch, which keeps the limits and the
// private-address guard.
import type { FetchPolicy } from "./fetch-policy.js";
import { createHostLimiter, type HostLimiter } from "./rate-limit.js";
import { ALLOW_ALL, parseRobots, robotsAllow, type Robots } from "./robots.js";
import { decodeBody } from "./charset.js";
import { refuseUrl, safeFetch, type FetchRequest, type FetchResult } from "./safe-fetch.js";

/** The site's rules, or why they could not be had (then nothing is fetched from it). */
type RobotsAnswer = { robots: Robots } | { unavailable: string };

export interface Fetcher {
  get(request: FetchRequest): Promise<FetchResult>;
}

const ROBOTS_TTL_MS = 6 * 60 * 60 * 1000;

export function createFetcher(policy: FetchPolicy, limiter: HostLimiter = createHostLimiter(policy.hostDelayMs)): Fetcher {
  const robotsCache = new Map<string, { robots: Promise<RobotsAnswer>; at: number }>();

  async function politely(request: FetchRequest): Promise<FetchResult> {
    const host = new URL(request.url).host;
    await limiter.wait(host);
    return safeFetch(request, policy);
  }

  async function fetchRobots(origin: string): Promise<RobotsAnswer> {
    const result = await politely({ url: `${origin}/robots.txt`, accept: "text/plain" });
    if (result.kind === "ok") {
      const robots = parseRobots(decodeBody(result.body, result.contentType).text, policy.robotsAgent);
      if (robots.crawlDelay) limiter.setDelay(new URL(origin).host, Math.min(robots.crawlDelay, 60) * 1000);
      return { robots };
    }
    // RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx, network)
    // means the site cannot say, so nothing is fetched.
    if (result.kind === "not-modified" || (result.status !== undefined && result.status >= 400 && result.status < 500))
      return { robots: ALLOW_ALL };
    if (result.reason.startsWith("refused:")) return { unavailable: result.reason };
    return { unavailable: `robots.txt unavailable (${result.reason}), so nothing is fetched from this site` };
  }

  function robotsFor(origin: string): Promise<RobotsAnswer> {
    const cached = robotsCache.get(origin);
    if (cached && Date.now() - cached.at < ROBOTS_TTL_MS) return cached.robots;
    const robots = fetchRobots(origin);
    robotsCache.set(origin, { robots, at: Date.now() });
    return robots;
  }

  return {
    async get(request) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return { kind: "failed", url: request.url, reason: "not a valid URL" };
      }
      const refusal = refuseUrl(url, policy.allowPrivate, policy.isPrivate);
      if (refusal) return { kind: "failed", url: request.url, reason: refusal };
      const rules = await robotsFor(url.origin);
      if ("unavailable" in rules) return { kind: "failed", url: request.url, reason: rules.unavailable };
      if (!robotsAllow(rules.robots, url.pathname + url.search))
        return { kind: "failed", url: request.url, reason: "disallowed by robots.txt" };
      let result = await politely(request);
      if (result.kind === "failed" && (result.status === 429 || result.status === 503) && result.retryAfterMs !== undefined) {
        limiter.pause(url.host, result.retryAfterMs);
        if (result.retryAfterMs > policy.maxRetryWaitMs)
          return { ...result, reason: `${result.reason}: asked to wait ${Math.round(result.retryAfterMs / 1000)} s` };
        result = await politely(request);
      }
      return result;
    },
  };
}
