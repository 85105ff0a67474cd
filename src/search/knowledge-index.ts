import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log.js";
import type { ReindexReport } from "../types.js";
import { DATABASE_FILE, isCorruption, openIndexDatabase, type IndexDatabase } from "./open-database.js";
import type { ReadFolder } from "../knowledge/scan-folder.js";
import { planRefresh, refreshIndex, type RefreshPlan } from "./refresh.js";
import { databaseSearchIndex, type SearchIndex } from "./search-index.js";

export interface KnowledgeIndexOptions {
  knowledgeDir: string;
  cacheDir: string;
  repair: (body: string) => string;
  logger: Logger;
  /** Files per transaction (see RefreshOptions). */
  batch?: number;
  /** Lists a folder (see RefreshOptions). */
  readFolder?: ReadFolder;
  /** Larger files are skipped (see RefreshOptions). */
  maxArticleBytes?: number;
  /** Worker threads preparing articles in a large refresh (see RefreshOptions). */
  threads?: number;
  parallelFrom?: number;
}

/** The index of one knowledge folder: its database, the queries over it, and refresh. */
export interface KnowledgeIndex {
  readonly db: IndexDatabase;
  readonly search: SearchIndex;
  /** Where the database lives. */
  readonly folder: string;
  /** What a refresh would do, from the listing and file stamps (no file read, nothing written). */
  plan(): Promise<RefreshPlan>;
  /** `plan`: one just made by `plan()`, so the folder is not listed twice. */
  refresh(plan?: RefreshPlan): Promise<ReindexReport>;
  close(): void;
}

/** Where a knowledge folder's index lives: outside that folder (it may be read-only). */
export function indexFolder(cacheDir: string, knowledgeDir: string): string {
  const key = createHash("sha256").update(path.resolve(knowledgeDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, "index", key);
}

/** Opens the folder's index (not yet refreshed: call `refresh`). */
export async function openKnowledgeIndex(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
  const folder = indexFolder(options.cacheDir, options.knowledgeDir);
  let db = await openIndexDatabase(folder, options.logger);
  let search = databaseSearchIndex(db);
  const self: KnowledgeIndex = {
    get db() {
      return db;
    },
    get search() {
      return search;
    },
    folder,
    plan: () => planRefresh(db, options),
    async refresh(plan) {
      try {
        return await refreshIndex(db, options, plan);
      } catch (error) {
        if (!isCorruption(error)) throw error;
        // Damage found while writing: the folder is the source of truth, so start over from it.
        options.logger.warn(`The index in ${folder} is damaged (${(error as Error).message}); rebuilding it`, { folder });
        db.close();
        await Promise.all(["", "-wal", "-shm"].map((s) => rm(path.join(folder, DATABASE_FILE + s), { force: true })));
        db = await openIndexDatabase(folder, options.logger);
        search = databaseSearchIndex(db);
        return await refreshIndex(db, options);
      } finally {
        search.invalidate();
      }
    },
    close: () => db.close(),
  };
  return self;
}
