// Discord sharding with discord.js's own ShardingManager: one thin gateway process per shard, this
// machine running the shard ids it is given. Discord requires sharding from 2,500 servers; the
// recommended count and how many shards may connect at once come from GET /gateway/bot.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager, type Shard } from "discord.js";
import type { Logger } from "../log.js";

export interface ShardSettings {
  token: string;
  /** "auto": Discord's recommendation. */
  count: number | "auto";
  /** The shard ids this machine runs; all when absent. */
  ids?: readonly number[];
  api?: string;
}

export interface ShardHealth {
  id: number;
  ready: boolean;
  pid: number | null;
}

export interface Shards {
  readonly total: number;
  health(): ShardHealth[];
  /** SIGTERM to every shard (each finishes its questions in flight), then waits for them to exit. */
  stop(graceMs?: number): Promise<void>;
}

interface GatewayBot {
  shards: number;
  session_start_limit: { max_concurrency: number };
}

/** Discord's rule: shards in one rate-limit bucket identify at least 5 s apart. */
const IDENTIFY_SPACING_MS = 5500;

export async function startShards(settings: ShardSettings, logger: Logger): Promise<Shards> {
  const rest = new REST({ version: "10", ...(settings.api ? { api: settings.api } : {}) }).setToken(settings.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as GatewayBot;
  const total = settings.count === "auto" ? gateway.shards : settings.count;
  const ids = settings.ids ?? Array.from({ length: total }, (_, i) => i);
  const outside = ids.filter((id) => id >= total);
  if (outside.length) throw new Error(`SHARD_IDS ${outside.join(",")} are not below the shard count ${total}`);

  // Each shard runs the bot's own entry (main.js beside this file; main.ts under tsx in development).
  const here = fileURLToPath(import.meta.url);
  const typescript = here.endsWith(".ts");
  const file = path.join(path.dirname(here), typescript ? "main.ts" : "main.js");
  const manager = new ShardingManager(file, {
    token: settings.token,
    totalShards: total,
    shardList: [...ids],
    execArgv: typescript ? ["--import", import.meta.resolve("tsx")] : [],
  });
  manager.on("shardCreate", (shard: Shard) => {
    // The manager serves /healthz for every shard; a shard must not try to bind the same port.
    (shard.env as Record<string, string>).HEALTH_PORT = "0";
    shard.on("ready", () => logger.info("shard connected", { shard: shard.id }));
    shard.on("disconnect", () => logger.warn("shard disconnected", { shard: shard.id }));
    shard.on("reconnecting", () => logger.info("shard reconnecting", { shard: shard.id }));
    shard.on("death", (child) =>
      logger.error("shard process exited; starting it again", { shard: shard.id, code: (child as { exitCode?: number }).exitCode }),
    );
  });
  const delay = gateway.session_start_limit.max_concurrency >= ids.length ? 0 : IDENTIFY_SPACING_MS;
  logger.info("starting gateway shards", { total, ids, spacingMs: delay });
  await manager.spawn({ amount: total, delay, timeout: 120_000 });

  return {
    total,
    health: () => [...manager.shards.values()].map((s) => ({ id: s.id, ready: s.ready, pid: s.process?.pid ?? null })),
    async stop(graceMs = 45_000) {
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
          child.kill("SIGTERM");
          const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(r, graceMs, true).unref())]);
          if (late) child.kill("SIGKILL");
        }),
      );
    },
  };
}
