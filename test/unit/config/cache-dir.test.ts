import { mkdir, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isInside, prepareCacheDir } from "../../../src/config/cache-dir.js";
import { ConfigError } from "../../../src/errors.js";

let root: string;
let knowledge: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "newsdesk-cache-dir-"));
  knowledge = path.join(root, "knowledge");
  await mkdir(knowledge);
});

describe("CACHE_DIR", () => {
  it("isInside: the folder itself and anything under it, not a sibling sharing a prefix", () => {
    expect(isInside("/a/b", "/a/b")).toBe(true);
    expect(isInside("/a/b/c", "/a/b")).toBe(true);
    expect(isInside("/a/bc", "/a/b")).toBe(false);
    expect(isInside("/a", "/a/b")).toBe(false);
  });

  it("is created when it lies outside the knowledge folder", async () => {
    await expect(prepareCacheDir({ CACHE_DIR: path.join(root, "cache", "deep"), KNOWLEDGE_DIR: knowledge })).resolves.toBeUndefined();
  });

  it.each([
    ["inside", () => path.join(knowledge, ".newsdesk")],
    ["the folder itself", () => knowledge],
  ])("refuses a cache %s the knowledge folder, naming both settings", async (_, cache) => {
    const error = await prepareCacheDir({ CACHE_DIR: cache(), KNOWLEDGE_DIR: knowledge }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/CACHE_DIR \(.*\) is inside the knowledge folder KNOWLEDGE_DIR/);
  });

  it("sees through a symlink into the knowledge folder", async () => {
    await symlink(knowledge, path.join(root, "alias"));
    const error = await prepareCacheDir({ CACHE_DIR: path.join(root, "alias", "cache"), KNOWLEDGE_DIR: knowledge }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/inside the knowledge folder/);
  });

  it("says a folder that cannot be created is not writable (not ENOENT … mkdir)", async () => {
    // /proc refuses new entries even to root: the stand-in for a read-only file system.
    const error = await prepareCacheDir({ CACHE_DIR: "/proc/newsdesk-cache", KNOWLEDGE_DIR: knowledge }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(
      /^CACHE_DIR \(\/proc\/newsdesk-cache\) is not writable \(it does not exist and cannot be created in \/proc\)/,
    );
  });

  it("says an existing folder that refuses writes is not writable", async () => {
    const error = await prepareCacheDir({ CACHE_DIR: "/proc/self", KNOWLEDGE_DIR: knowledge }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^CACHE_DIR \(\/proc\/self\) is not writable: E[A-Z]+\. Set CACHE_DIR/);
  });
});
