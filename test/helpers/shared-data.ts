// The evaluation data beside the clone (../shared/data, as CI lays it out), or where
// NEWSDESK_SHARED_DATA points (a git worktree elsewhere). Tests that need it fail with a message
// saying so when it is missing: never skipped, never copied into the repository.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function sharedDataDir(): string {
  return path.resolve(process.env.NEWSDESK_SHARED_DATA ?? path.join(ROOT, "../shared/data"));
}

/** A path under the shared data folder; throws, naming what is missing, when it is not there. */
export function requireSharedData(...parts: string[]): string {
  const target = path.join(sharedDataDir(), ...parts);
  if (!existsSync(target))
    throw new Error(
      `Missing ${target}: these tests need the shared evaluation data beside the repository (../shared/data, ` +
        `or NEWSDESK_SHARED_DATA=DIR). It is read in place, never copied into the repository.`,
    );
  return target;
}
