import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../../src/config/schema.js";
import { loadBotConfig } from "../../../src/service/startup-config.js";

const path = resolve(import.meta.dirname, "../../../.env.example");
const text = readFileSync(path, "utf8");

describe(".env.example", () => {
  it("documents every setting in the config schema", () => {
    const documented = new Set([...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(configSchema.shape).filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it("documents no setting the schema does not have", () => {
    const keys = new Set(Object.keys(configSchema.shape));
    const unknown = [...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!).filter((k) => !keys.has(k));
    expect(unknown).toEqual([]);
  });

  it("starts as is once DISCORD_TOKEN is filled in, and names the token while it is empty", () => {
    expect(Object.keys(parse(text))).toEqual(["DISCORD_TOKEN"]);
    expect(loadBotConfig({ DISCORD_TOKEN: "x.y.z" }, path).DISCORD_TOKEN).toBe("x.y.z");
    expect(() => loadBotConfig({}, path)).toThrow(/DISCORD_TOKEN/);
  });
});
