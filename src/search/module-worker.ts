// A worker thread running one of this project's modules. Compiled (dist/*.js) it is started as is;
// from TypeScript sources (tsx, vitest) the worker first registers tsx, which a worker's execArgv
// cannot do for its entry module.
import { Worker } from "node:worker_threads";

/** The sibling module `name` (without extension) of `base`, as the running code has it (.ts or .js). */
export function siblingModule(base: string, name: string): URL {
  const ext = new URL(base).pathname.endsWith(".ts") ? ".ts" : ".js";
  return new URL(`./${name}${ext}`, base);
}

export function startModuleWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData });
  // Resolved here, not in the worker: the process's working folder may be anywhere.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
