// The project compiled to plain JavaScript (tsc), so the cold-start child can also run under
// plain `node`, without the tsx loader: loading transformers.js through tsx costs ~170 MB of
// resident memory, under plain node ~40 MB. Built into <workDir>/bench-build on each run.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, cp, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Compiles the tools and the src/ they import into `<workDir>/bench-build`; returns the compiled child script. */
export async function compileForBench(workDir: string): Promise<string> {
  const out = path.resolve(workDir, "bench-build");
  await rm(out, { recursive: true, force: true });
  const tsc = path.resolve("node_modules/.bin/tsc");
  // tsc emits even when another part of the tree has type errors; the child file is what matters.
  await run(tsc, ["-p", "tools/tsconfig.json", "--noEmit", "false", "--outDir", out, "--rootDir", "."]).catch(() => undefined);
  const child = path.join(out, "tools", "bench", "cold-start-child.js");
  if (!existsSync(child)) throw new Error(`tsc did not produce ${child}`);
  // "type": "module" for the emitted .js files, and the version app.ts reads.
  await copyFile("package.json", path.join(out, "package.json"));
  // The index cache's pipeline fingerprint hashes the .ts sources beside the running code; without
  // them a compiled copy can never reuse its index (every start rebuilds it).
  await cp("src", path.join(out, "src"), { recursive: true, filter: (f) => !/\.[cm]?[jt]sx?$/.test(f) || f.endsWith(".ts") });
  return child;
}
