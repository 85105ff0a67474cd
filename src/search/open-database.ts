import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { IndexError } from "../errors.js";
import type { Logger } from "../log.js";
import { pipelineFingerprint } from "./pipeline-fingerprint.js";
import { SCHEMA, SCHEMA_VERSION } from "./schema.js";
import { recountTerms } from "./term-counts.js";

export type IndexDatabase = Database.Database;

export const DATABASE_FILE = "index.sqlite";
/** Files of earlier versions (JSON index, float vectors): their contents are rebuilt in the database. */
const LEGACY = /^(index\.json|vectors-[0-9a-f]+\.bin)$/;

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}

/** A database that cannot be trusted: the file is not SQLite, or its pages are damaged. */
export function isCorruption(error: unknown): boolean {
  return sqliteCode(error) === "SQLITE_CORRUPT" || sqliteCode(error) === "SQLITE_NOTADB" || sqliteCode(error) === "SQLITE_CORRUPT_VTAB";
}

async function removeDatabase(file: string): Promise<void> {
  await Promise.all(["", "-wal", "-shm"].map((suffix) => rm(file + suffix, { force: true })));
}

/** Removes what earlier versions and interrupted writes left in the index folder. */
async function sweep(folder: string, logger: Logger): Promise<void> {
  for (const name of await readdir(folder)) {
    if (LEGACY.test(name)) {
      logger.info(`Removing ${name} from an earlier version of the index: its contents are rebuilt in ${DATABASE_FILE}`, { folder });
      await rm(path.join(folder, name), { force: true });
    } else if (name.endsWith(".tmp")) {
      await rm(path.join(folder, name), { force: true });
    }
  }
}

function configure(db: IndexDatabase): void {
  db.pragma("journal_mode = WAL");
  // WAL with synchronous=NORMAL survives a killed process; only an OS crash may lose the last commits.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 10000");
  db.pragma("cache_size = -32768");
}

/** Opens (or creates) the tables; a database of another schema or other indexing code is emptied. */
async function prepare(db: IndexDatabase, logger: Logger, file: string): Promise<void> {
  configure(db);
  const version = db.pragma("user_version", { simple: true }) as number;
  // Version 2 lacks only the term counts: they are filled from the index itself, not rebuilt.
  if (version !== 0 && version !== SCHEMA_VERSION && version !== 2) {
    throw new IndexError(`The index ${file} has schema version ${version}, this version uses ${SCHEMA_VERSION}`, { file });
  }
  db.exec(SCHEMA);
  if (version === 2) {
    logger.info("Counting each term's passages once (an index of schema version 2)", { file });
    db.transaction(() => recountTerms(db))();
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  const pipeline = await pipelineFingerprint();
  const row = db.prepare("SELECT value FROM meta WHERE key = 'pipeline'").get() as { value: string } | undefined;
  if (row?.value !== pipeline) {
    if (row) logger.info("The index was built by other indexing code; re-indexing every article", { file });
    db.transaction(() => {
      db.exec(
        "DELETE FROM vectors; DELETE FROM passages; DELETE FROM article_texts; DELETE FROM articles; DELETE FROM passage_terms; DELETE FROM term_counts; DELETE FROM meta",
      );
      db.prepare("INSERT INTO meta (key, value) VALUES ('pipeline', ?)").run(pipeline);
    })();
  }
}

/**
 * The index database of one knowledge folder, ready to use. A file that is not a database, is
 * damaged or is of another schema is logged, deleted and rebuilt: the knowledge folder is the
 * source of truth, so nothing is lost.
 */
export async function openIndexDatabase(folder: string, logger: Logger): Promise<IndexDatabase> {
  await mkdir(folder, { recursive: true });
  await sweep(folder, logger);
  const file = path.join(folder, DATABASE_FILE);
  for (let attempt = 0; ; attempt++) {
    let db: IndexDatabase | undefined;
    try {
      db = new Database(file);
      await prepare(db, logger, file);
      return db;
    } catch (error) {
      db?.close();
      if (attempt > 0 || !(isCorruption(error) || error instanceof IndexError)) {
        throw new IndexError(`The index ${file} cannot be opened: ${(error as Error).message}`, { file }, { cause: error });
      }
      logger.warn(`The index ${file} is unusable (${(error as Error).message}); rebuilding it from the knowledge folder`, { file });
      if (existsSync(file)) await removeDatabase(file);
    }
  }
}

/** An index in memory only (evaluations and tests): the same tables and queries, no file. */
export async function openMemoryDatabase(): Promise<IndexDatabase> {
  const db = new Database(":memory:");
  await prepare(db, { debug() {}, info() {}, warn() {}, error() {} }, ":memory:");
  return db;
}
