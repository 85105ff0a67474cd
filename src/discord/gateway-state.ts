// The gateway connection as its shards report it. discord.js keeps `client.ws.status` at Ready
// while a shard reconnects, so health follows the shard events instead: down from the first
// disconnect or reconnect, up again on ready or resume.
import { Events, type Client } from "discord.js";

export type ShardPhase = "connecting" | "ready" | "reconnecting" | "disconnected";

export interface GatewaySnapshot {
  /** Every shard ready. */
  up: boolean;
  phase: ShardPhase;
  /** Since when (ms since epoch) the gateway has been in this phase. */
  since: number;
  /** Times the connection was lost since start. */
  outages: number;
  /** How long the last completed outage lasted (ms). */
  lastOutageMs: number | null;
}

export interface GatewayState {
  readonly up: boolean;
  snapshot(): GatewaySnapshot;
}

const WORST: ShardPhase[] = ["disconnected", "reconnecting", "connecting", "ready"];

export function trackGateway(client: Client, now: () => number = Date.now): GatewayState {
  const shards = new Map<number, ShardPhase>();
  let phase: ShardPhase = "connecting";
  let since = now();
  let outages = 0;
  let lastOutageMs: number | null = null;

  const set = (shard: number, next: ShardPhase) => {
    shards.set(shard, next);
    const overall = WORST.find((p) => [...shards.values()].includes(p)) ?? "connecting";
    if (overall === phase) return;
    const t = now();
    if (phase === "ready") outages++;
    else if (overall === "ready" && outages > 0) lastOutageMs = t - since;
    phase = overall;
    since = t;
  };
  client.on(Events.ShardReady, (shard) => set(shard, "ready"));
  client.on(Events.ShardResume, (shard) => set(shard, "ready"));
  client.on(Events.ShardReconnecting, (shard) => set(shard, "reconnecting"));
  client.on(Events.ShardDisconnect, (_event, shard) => set(shard, "disconnected"));
  // Rate-limited identifies ran out: no shard will reconnect by itself.
  client.on(Events.Invalidated, () => {
    for (const shard of shards.keys()) set(shard, "disconnected");
  });

  return {
    get up() {
      return phase === "ready";
    },
    snapshot: () => ({ up: phase === "ready", phase, since, outages, lastOutageMs }),
  };
}
