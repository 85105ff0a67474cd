import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/index.js";
import { ConfigError } from "../../../src/errors.js";
import { formatClusterReindex, formatClusterStatus } from "../../../src/discord/format/cluster-replies.js";
import type { WorkerInfo } from "../../../src/scale/worker-registry.js";

const load = (env: Record<string, string>) => loadConfig({}, env, "/nonexistent/.env");

describe("scale-out settings", () => {
  it("leaves Redis off and shards automatic by default", () => {
    const c = load({});
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.SHARD_COUNT).toBe("auto");
    expect(c.SHARD_IDS).toBeUndefined();
    expect(c.REDIS_PREFIX).toBe("newsdesk");
  });

  it.each([
    ["0-3", [0, 1, 2, 3]],
    ["4,0-1,1", [0, 1, 4]],
    ["7", [7]],
  ])("reads SHARD_IDS=%s as %j", (text, ids) => {
    expect(load({ SHARD_IDS: text }).SHARD_IDS).toEqual(ids);
  });

  it.each([
    ["REDIS_URL", "localhost:6379"],
    ["SHARD_COUNT", "0"],
    ["SHARD_IDS", "a-b"],
    ["REDIS_PREFIX", "has space"],
  ])("refuses %s=%s with a message naming it", (key, value) => {
    expect(() => load({ [key]: value })).toThrow(ConfigError);
    expect(() => load({ [key]: value })).toThrow(new RegExp(key));
  });
});

const worker = (over: Partial<WorkerInfo>): WorkerInfo => ({
  id: "a:1",
  host: "a",
  pid: 1,
  mode: "lexical",
  state: "ready",
  knowledgeVersion: "v2",
  concurrency: 1,
  active: 1,
  answered: 40,
  perSecond: 12.5,
  startedAt: 0,
  seenAt: 0,
  ...over,
});

describe("/status and /reindex with answer workers", () => {
  it("lists each worker with mode, index version and load, and says which is behind", () => {
    const e = formatClusterStatus(
      {
        workers: [worker({}), worker({ id: "b:2", state: "behind", knowledgeVersion: "v1", behind: "index v1, announced v2" })],
        backlog: 3,
        announced: { version: "v2", by: "a:1", at: 0 },
      },
      new Date(120_000),
    ).embeds[0]!;
    const [a, b] = e.description!.split("\n");
    expect(a).toContain("`a:1`");
    expect(a).toContain("index v2 ·");
    expect(a).toContain("answering");
    expect(a).toContain("12.5/s");
    expect(b).toContain("index v1 ≠ v2");
    expect(b).toContain("**behind**");
    expect(e.fields!.map((f) => f.value)).toEqual(["1 of 2", "3 questions", "v2 (from a:1)"]);
  });

  it("reports every worker's reindex and names those that did not answer", () => {
    const report = { added: ["x"], changed: [], removed: [], unchanged: 4, problems: [], passages: 50 };
    const e = formatClusterReindex({
      reports: [
        { worker: "a:1", kind: "done", report, knowledgeVersion: "v3" },
        { worker: "b:2", kind: "failed", error: "disk full" },
      ],
      missing: ["c:3"],
      gone: ["d:4"],
    }).embeds[0]!;
    expect(e.title).toBe("Reindexed on 1 worker");
    expect(e.description).toContain("`a:1` index v3: +1 ~0 −0 (4 unchanged), 50 passages");
    expect(e.description).toContain("`b:2` failed: disk full");
    expect(e.description).toContain("`c:3` did not report in time");
    expect(e.description).toContain("`d:4` stopped before reporting (no heartbeat)");
  });
});
