import { constants } from "node:fs";
import { access, mkdir, realpath, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../errors.js";

/** True when `inner` is `outer` or lies inside it (both absolute, normalised). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The real path of `p`, following symlinks as far as the path exists (the rest appended as is). */
async function realPathSoFar(p: string): Promise<string> {
  const absolute = path.resolve(p);
  const missing: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(await realpath(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

async function nearestExisting(p: string): Promise<string> {
  let at = path.resolve(p);
  for (;;) {
    try {
      await access(at, constants.F_OK);
      return at;
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return at;
      at = parent;
    }
  }
}

/**
 * CACHE_DIR must lie outside the knowledge folder (which may be read-only, and whose files are the
 * articles: an index written into it would be read back as content) and must be writable. Creates
 * it; throws a ConfigError that says which, instead of a bare "ENOENT … mkdir" later on.
 */
export async function prepareCacheDir(settings: { CACHE_DIR: string; KNOWLEDGE_DIR: string }): Promise<void> {
  const cache = await realPathSoFar(settings.CACHE_DIR);
  const knowledge = await realPathSoFar(settings.KNOWLEDGE_DIR);
  if (isInside(cache, knowledge)) {
    throw new ConfigError(
      `CACHE_DIR (${settings.CACHE_DIR}) is inside the knowledge folder KNOWLEDGE_DIR (${settings.KNOWLEDGE_DIR}): ` +
        "the index must be kept outside it. Set CACHE_DIR to a folder elsewhere (the default is ./.newsdesk).",
      { cacheDir: cache, knowledgeDir: knowledge },
    );
  }
  const notWritable = async (error: unknown): Promise<ConfigError> => {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    const existing = await nearestExisting(cache);
    const where = existing === cache ? "" : ` (it does not exist and cannot be created in ${existing})`;
    return new ConfigError(
      `CACHE_DIR (${settings.CACHE_DIR}) is not writable${where}: ${code}. Set CACHE_DIR to a folder this user can write.`,
      { cacheDir: cache, code },
    );
  };
  try {
    // One level at a time: Node's recursive mkdir loops forever where a parent exists but refuses
    // new entries with ENOENT (/proc, some FUSE mounts).
    const existing = await nearestExisting(cache);
    let at = existing;
    for (const part of path.relative(existing, cache).split(path.sep).filter(Boolean)) {
      at = path.join(at, part);
      await mkdir(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
    }
  } catch (error) {
    throw await notWritable(error);
  }
  // A folder that exists may still refuse writes (read-only mount, permissions): try one.
  const probe = path.join(cache, `.write-check-${process.pid}`);
  try {
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    throw await notWritable(error);
  }
}
