// deploy-commands against the fake REST, and `npm start` refusing to start without a token.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../src/discord/commands/index.js";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { FakeDiscord } from "./fake-discord/fake-discord.js";
import { APP_ID, GUILD_ID, TOKEN } from "./fake-discord/world.js";

const ROOT = resolve(import.meta.dirname, "../..");

describe("npm run deploy-commands", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(() => fake.close());

  it("registers every command to the development guild when DEV_GUILD_ID is set", async () => {
    const result = await deployCommands({ token: TOKEN, appId: APP_ID, guildId: GUILD_ID, api: fake.api });
    expect(result.scope).toBe("guild");
    const put = fake.commandPuts.at(-1)!;
    expect(put.route).toBe(`guild:${GUILD_ID}`);
    // Exactly the product's command definitions (src/discord/commands/index.ts).
    expect(put.body.map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
    for (const name of ["reindex", "follow", "unfollow"]) {
      expect(put.body.find((c) => c.name === name).default_member_permissions).toBe(String(1 << 5));
    }
    const summary = put.body.find((c) => c.name === "summary");
    expect(summary.options.find((o: any) => o.name === "article").autocomplete).toBe(true);
    expect(fake.allProblems()).toEqual([]);
  });

  it("registers globally without DEV_GUILD_ID", async () => {
    expect((await deployCommands({ token: TOKEN, appId: APP_ID, api: fake.api })).scope).toBe("global");
    expect(fake.commandPuts.at(-1)!.route).toBe("global");
  });
});

describe("npm start", () => {
  it("exits at once (status 78, EX_CONFIG) without a token, naming DISCORD_TOKEN and pointing to the README", () => {
    // An empty folder: no .env to pick a token up from.
    const cwd = mkdtempSync(join(tmpdir(), "newsdesk-start-"));
    const env = { PATH: process.env.PATH ?? "", HOME: cwd };
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/discord/main.ts")], {
      cwd,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain("DISCORD_TOKEN is not set");
    expect(run.stderr).toContain("README.md");
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("npm run deploy-commands as a command", () => {
  const script = join(ROOT, "src/discord/deploy-commands.ts");
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), script], {
      cwd: mkdtempSync(join(tmpdir(), "newsdesk-deploy-")),
      env: { PATH: process.env.PATH ?? "", ...env },
      encoding: "utf8",
      timeout: 30_000,
    });

  it("names each missing setting", () => {
    const r = run({});
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DISCORD_TOKEN is not set[\s\S]*DISCORD_APP_ID is not set[\s\S]*README\.md/);
  });

  it("registers the commands and prints the invite link", async () => {
    const fake = await FakeDiscord.start();
    // spawnSync would block the fake's event loop; run the child asynchronously.
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), script], {
      cwd: mkdtempSync(join(tmpdir(), "newsdesk-deploy-")),
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: APP_ID,
        DEV_GUILD_ID: GUILD_ID,
        DISCORD_API_URL: fake.api,
      },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const code = await new Promise((r) => child.on("exit", r));
    await fake.close();
    expect(code).toBe(0);
    expect(out).toContain(`Registered 10 commands to guild ${GUILD_ID} (available now)`);
    expect(out).toContain(
      `Invite link: https://discord.com/oauth2/authorize?client_id=${APP_ID}&scope=bot+applications.commands&permissions=309237730304`,
    );
    expect(fake.commandPuts).toHaveLength(1);
  });
});
