// Pages, sitemaps and feeds into the knowledge folder: what the faces use.
export { openIngester } from "./open-ingester.js";
export { openFeeds } from "./open-feeds.js";
export type { Ingester, IngestOutcome, FeedFetch } from "./ingester.js";
export type { FeedService, FollowResult } from "./feeds.js";
export type { FollowedFeed, FollowOutcome, UnfollowOutcome } from "./follow-state.js";
export type { NewArticle, PollReport } from "./poller.js";
export type { SaveOutcome } from "./store.js";
export { fetchPolicy, type FetchPolicy } from "./fetch-policy.js";
export { isPrivateAddress } from "./address-guard.js";
