// Typed errors for broken state. Expected outcomes (not found, unknown id) are values, not throws.

export type ErrorCode = "CONFIG" | "KNOWLEDGE" | "INDEX" | "MODEL" | "USAGE" | "QUESTION" | "INGEST" | "DELIVERY";

export class NewsdeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A setting is missing or invalid; the message names each problem. */
export class ConfigError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super("CONFIG", message, context);
  }
}

/** A knowledge file or folder cannot be read. */
export class KnowledgeError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super("KNOWLEDGE", message, context, options);
  }
}

/** Why one knowledge file could not become an article; the loader reports it by name and goes on. */
export class UnreadableFile extends KnowledgeError {}

/** The on-disk index is missing, corrupt or from another format. */
export class IndexError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super("INDEX", message, context, options);
  }
}

/** A model cannot be loaded or run. */
export class ModelError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super("MODEL", message, context, options);
  }
}

/** A command line was used wrongly (exit code 2). */
export class UsageError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super("USAGE", message, context);
  }
}

/** A question cannot be asked as given (empty, too long). */
export class QuestionError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super("QUESTION", message, context);
  }
}

/** Discord would not take a reply however long the bot retried; the asker may have seen nothing. */
export class DeliveryError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super("DELIVERY", message, context, options);
  }
}

/** A command file is malformed (bad name, no execute, defined twice); start-up and deploy-commands stop. */
export class InvalidCommandError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super("CONFIG", message, context);
  }
}

/**
 * A failed system call (ENOENT, EACCES, EISDIR …) as Node reports it. Tested by errno and syscall,
 * not by `.code` alone: every NewsdeskError has a `.code` too.
 */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  if (!(error instanceof Error) || error instanceof NewsdeskError) return false;
  const e = error as NodeJS.ErrnoException;
  return typeof e.code === "string" && /^E[A-Z0-9]+$/.test(e.code) && (typeof e.errno === "number" || typeof e.syscall === "string");
}

/** Ingest state under CACHE_DIR (followed feeds, validators) is unreadable or corrupt. */
export class IngestError extends NewsdeskError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super("INGEST", message, context, options);
  }
}
