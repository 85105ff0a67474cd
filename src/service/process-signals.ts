// How the process meets its service manager: SIGINT/SIGTERM stop gracefully once (a second signal
// exits at once), an unhandled rejection is logged and survived, an uncaught exception exits 1 so
// a clean process is restarted. `proc` is the real process except in tests.
import type { Logger } from "../log.js";

export interface ProcessLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  exit(code: number): void;
}

export interface StopSignals {
  readonly stopping: boolean;
}

/** Runs `stop` on the first SIGINT or SIGTERM, then exits 0 (1 when stopping fails). */
export function onStopSignals(logger: Logger, stop: () => Promise<void>, proc: ProcessLike = process): StopSignals {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) {
      logger.warn("second signal: exiting without waiting", { signal });
      proc.exit(1);
      return;
    }
    stopping = true;
    logger.info("shutting down", { signal });
    stop().then(
      () => {
        logger.info("stopped");
        proc.exit(0);
      },
      (error: unknown) => {
        logger.error("shutdown failed", { error });
        proc.exit(1);
      },
    );
  };
  proc.on("SIGINT", () => handle("SIGINT"));
  proc.on("SIGTERM", () => handle("SIGTERM"));
  return {
    get stopping() {
      return stopping;
    },
  };
}

export function guardProcess(logger: Logger, proc: ProcessLike = process): void {
  proc.on("unhandledRejection", (reason) => logger.error("unhandled rejection (kept running)", { error: reason }));
  proc.on("uncaughtException", (error) => {
    logger.error("uncaught exception; exiting so the service manager restarts a clean process", { error });
    proc.exit(1);
  });
}
