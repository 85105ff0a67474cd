// The command-line faces of the models layer, run as a user would.
import { execFile } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureModelsDir } from "../../helpers/fixture-models.js";

const run = promisify(execFile);
let cache: string;

beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), "newsdesk-cli-cache-"));
});
afterAll(() => rm(cache, { recursive: true, force: true }));

async function tsx(script: string, args: string[], env: Record<string, string> = {}) {
  const result = await run(process.execPath, ["--import", "tsx", script, ...args], {
    // (The setting was once MODE, which vitest sets to "test" in its own environment.)
    env: { ...process.env, ANSWER_MODE: "auto", CACHE_DIR: cache, LOG_LEVEL: "error", ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  return result;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}`;
}

describe("npm run models", () => {
  it("exits 1 with a clear message when the hub is unreachable", async () => {
    const { code, stderr } = await tsx("src/cli/models.ts", [], { MODEL_HUB_URL: await closedPortUrl() });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Cannot fetch the models: model hub unreachable/);
    expect(stderr).toMatch(/LOCAL_MODELS_DIR/);
  });

  it("checks a local folder given with --models", async () => {
    const { code, stdout } = await tsx("src/cli/models.ts", ["--models", await fixtureModelsDir()]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/models ready \(local\)/);
  });

  it("rejects an unknown subcommand with exit code 2", async () => {
    expect((await tsx("src/cli/models.ts", ["frobnicate"])).code).toBe(2);
  });
});

describe("npm run models:generate", () => {
  it("rejects a bad shape with exit code 2 and the usage", async () => {
    const { code, stderr } = await tsx("tools/models-generate.ts", ["--shape", "huge", "--out", cache]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run models:generate/);
  });

  it("writes tiny models that report their sizes", async () => {
    const { code, stdout } = await tsx("tools/models-generate.ts", ["--shape", "tiny", "--dtype", "q8", "--out", path.join(cache, "gen")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Xenova\/bge-small-en-v1.5: .*model_quantized\.onnx [\d.]+ MB/);
    expect(stdout).toMatch(/Xenova\/distilbert-base-cased-distilled-squad: /);
  });
});
