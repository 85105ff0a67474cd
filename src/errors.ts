// Typed errors for broken state. Expected outcomes (not found, unknown id) are values, not throws.

export type ErrorCode = "CONFIG" | "KNOWLEDGE" | "INDEX" | "MODEL" | "USAGE" | "QUESTION";

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
