import { NewsdeskError } from "../errors.js";

/** The one JSON error shape of every command: `{ "error": { "code": "USAGE", "message": "…" } }`. */
export interface ErrorJson {
  error: { code: string; message: string };
}

export function errorJson(error: unknown): ErrorJson {
  if (error instanceof NewsdeskError) return { error: { code: error.code, message: error.message } };
  return { error: { code: "FAILURE", message: `unexpected failure: ${(error as Error)?.message ?? String(error)}` } };
}
