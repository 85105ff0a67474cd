// Newsdesk processes for the scale-out tests: the gateway (ShardingManager and its shard processes)
// and answer workers, each a real node process running the TypeScript entry under tsx.
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

export interface Proc {
  name: string;
  child: ChildProcess;
  /** Parsed JSON log lines (standard error). */
  logs: Record<string, any>[];
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProcess(name: string, entry: "gateway" | "worker", env: Record<string, string>): Proc {
  const file = entry === "gateway" ? "src/discord/gateway-main.ts" : "src/worker/main.ts";
  const child = spawn(process.execPath, ["--import", TSX, join(ROOT, file)], {
    cwd: env.HOME ?? ROOT,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ANSWER_MODE: "lexical", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: Record<string, any>[] = [];
  let partial = "";
  child.stderr!.on("data", (chunk) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line, raw: true });
      }
    }
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return {
    name,
    child,
    logs,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(test: () => T | undefined | false | Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
