// Structured logs to standard error (standard output is kept for answers).

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** "json": one object a line for service managers; "pretty": short lines for people. */
  format?: "json" | "pretty";
  write?: (line: string) => void;
}

/** An error as fields; its stack only when debugging (people need the message, not the frames). */
function serialise(value: unknown, stacks: boolean): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      ...(stacks && { stack: value.stack }),
      ...(value.cause !== undefined && { cause: serialise(value.cause, stacks) }),
    };
  }
  return value;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const format = options.format ?? "pretty";
  const write = options.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const emit =
    (level: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (RANK[level] < threshold) return;
      const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v, threshold <= RANK.debug)]));
      if (format === "json") {
        write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...clean }));
        return;
      }
      const extra = Object.keys(clean).length ? " " + JSON.stringify(clean) : "";
      write(`[newsdesk] ${level === "info" ? "" : level + ": "}${msg}${extra}`);
    };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const silentLogger: Logger = createLogger({ level: "silent" });

/** The same logger with fields added to every line (a worker's id, a gateway's shard ids). */
export function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  const add = (f?: Record<string, unknown>) => ({ ...fields, ...f });
  return {
    debug: (m, f) => logger.debug(m, add(f)),
    info: (m, f) => logger.info(m, add(f)),
    warn: (m, f) => logger.warn(m, add(f)),
    error: (m, f) => logger.error(m, add(f)),
  };
}
