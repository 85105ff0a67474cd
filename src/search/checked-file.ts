import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { IndexError } from "../errors.js";

// A cache file = one JSON header line (format, version, length and SHA-256 of the payload) then
// the payload. A truncated or tampered file fails the check and is rebuilt, never trusted.

interface Header {
  format: string;
  version: number;
  bytes: number;
  sha256: string;
  meta?: unknown;
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Writes atomically: a temporary file in the same folder, then a rename over the old one. */
export async function writeCheckedFile(file: string, format: string, version: number, payload: Uint8Array, meta?: unknown): Promise<void> {
  const header: Header = { format, version, bytes: payload.length, sha256: sha256(payload), meta };
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, Buffer.concat([Buffer.from(JSON.stringify(header) + "\n"), payload]));
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The payload, or undefined when there is no file; IndexError when it is corrupt or foreign. */
export async function readCheckedFile(
  file: string,
  format: string,
  version: number,
): Promise<{ payload: Buffer; meta: unknown } | undefined> {
  const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw new IndexError(`The index cache ${file} cannot be read: ${error.message}`, { file }, { cause: error });
  });
  if (!data) return undefined;
  const newline = data.indexOf(10);
  let header: Header;
  try {
    header = JSON.parse(data.subarray(0, newline < 0 ? data.length : newline).toString("utf8")) as Header;
  } catch {
    throw new IndexError(`The index cache ${file} has no valid header`, { file });
  }
  if (header.format !== format || header.version !== version) {
    throw new IndexError(`The index cache ${file} is from another format (${header.format} v${header.version})`, { file });
  }
  const payload = data.subarray(newline + 1);
  if (payload.length !== header.bytes || sha256(payload) !== header.sha256) {
    throw new IndexError(`The index cache ${file} is truncated or altered (checksum mismatch)`, { file });
  }
  return { payload, meta: header.meta };
}
