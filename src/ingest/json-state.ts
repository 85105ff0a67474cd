// Small JSON state files under CACHE_DIR (followed feeds, HTTP validators): read whole, written
// atomically. A missing file is the empty state; an unreadable one is reported, never overwritten blind.
import { readFile } from "node:fs/promises";
import { IngestError } from "../errors.js";
import { writeFileAtomic } from "./atomic-write.js";

export async function readJsonState<T>(file: string, empty: T, check: (value: unknown) => value is T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return empty;
    throw new IngestError(`${file} cannot be read`, { file }, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new IngestError(`${file} is not valid JSON: fix or delete it`, { file }, { cause });
  }
  if (!check(value)) throw new IngestError(`${file} does not hold what Newsdesk wrote there: fix or delete it`, { file });
  return value;
}

export function writeJsonState(file: string, value: unknown): Promise<void> {
  return writeFileAtomic(file, JSON.stringify(value, null, 2) + "\n");
}
