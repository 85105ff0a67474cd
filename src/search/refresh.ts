import { statSync } from "node:fs";
import path from "node:path";
import { assignArticleIds } from "../knowledge/article-ids.js";
import { scanFolder, type ReadFolder } from "../knowledge/scan-folder.js";
import type { Logger } from "../log.js";
import type { KnowledgeProblem, ReindexReport } from "../types.js";
import { articleWriter, type FileState, type PreparedArticle } from "./article-rows.js";
import { termCounter } from "./term-counts.js";
import type { IndexDatabase } from "./open-database.js";
import { isProblem, mapLimit, prepareFile, reasonOf as reason, type PrepareJob, type PrepareOutcome } from "./prepare-file.js";
import { startPreparePool, type PreparePool } from "./prepare-pool.js";

export interface RefreshOptions {
  knowledgeDir: string;
  repair: (body: string) => string;
  logger: Logger;
  /** Files read and written per transaction: a killed build keeps every finished batch. */
  batch?: number;
  /** Lists a folder (tests inject failures); fs.readdir by default. */
  readFolder?: ReadFolder;
  /** Larger files are skipped as problems, never read (MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
  /**
   * Worker threads that prepare articles while this thread writes, when at least `parallelFrom`
   * files (default 500) are to be read; 0 or 1 prepares them on this thread. The workers repair
   * text with `repairText`, so give `repair: repairText` (or no threads) for the same index.
   */
  threads?: number;
  parallelFrom?: number;
}

/** Files stat'ed per turn of the event loop. */
const STAT_CHUNK = 1000;

/** Below this many files to read, starting workers (their word lists load in ~0.5 s) costs more than it saves. */
const PARALLEL_FROM = 500;

interface StoredFile {
  file: string;
  id: string;
  size: number;
  mtime: number;
  hash: string;
}

/** What a refresh is to do, from the folder's listing and file stamps: nothing read yet. */
export interface RefreshPlan {
  files: string[];
  ids: Map<string, string>;
  stored: Map<string, StoredFile>;
  /** Files new or with another size, time or id: to be read. */
  pending: FileState[];
  oversized: Set<string>;
  unchanged: number;
  problems: KnowledgeProblem[];
  /** Folders that could not be listed: their articles are kept. */
  unlisted: string[];
  /** Stored articles whose files are gone. */
  gone: StoredFile[];
}

/** Lists the folder and compares each file's size and time with the stored ones. */
export async function planRefresh(db: IndexDatabase, options: RefreshOptions): Promise<RefreshPlan> {
  const { knowledgeDir, logger } = options;
  const scan = await scanFolder(knowledgeDir, options.readFolder);
  const files = scan.files;
  const { ids, shared } = assignArticleIds(files);
  for (const group of shared) {
    logger.warn(
      `${group.files.join(", ")} would share the article id "${group.id}"; each is indexed under its own id (${group.files
        .map((f) => ids.get(f))
        .join(", ")})`,
      { files: group.files },
    );
  }
  const stored = new Map(
    (db.prepare("SELECT file, id, size, mtime, hash FROM articles").all() as StoredFile[]).map((row) => [row.file, row]),
  );
  const problems: KnowledgeProblem[] = [...scan.problems];
  let unchanged = 0;

  // Synchronous stat calls, a thousand at a time with a turn of the event loop between: a third of
  // the CPU of one promise per file (10,000 files: about 40 ms against 120 ms), which at 200,000
  // files is most of a start's work.
  const states: (FileState | undefined)[] = [];
  for (let from = 0; from < files.length; from += STAT_CHUNK) {
    if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const file of files.slice(from, from + STAT_CHUNK)) {
      try {
        const info = statSync(path.join(knowledgeDir, file));
        // Whole milliseconds: what every tool that copies or restores times keeps.
        states.push({ file, size: info.size, mtime: Math.trunc(info.mtimeMs) });
      } catch (error) {
        if (!isProblem(error)) throw error;
        problems.push({ file, reason: reason(error) });
        states.push(undefined);
      }
    }
  }
  const pending: FileState[] = [];
  const oversized = new Set<string>();
  for (const state of states) {
    if (!state) continue;
    if (options.maxArticleBytes !== undefined && state.size > options.maxArticleBytes) {
      problems.push({ file: state.file, reason: `${state.size} bytes, over MAX_ARTICLE_BYTES (${options.maxArticleBytes}); skipped` });
      oversized.add(state.file);
      continue;
    }
    const row = stored.get(state.file);
    // A file whose id changed (a namesake came or went) is rebuilt under its new id.
    if (row && row.size === state.size && row.mtime === state.mtime && row.id === ids.get(state.file)) unchanged++;
    else pending.push(state);
  }
  // An article that grew past the limit leaves the index rather than answering from its old text.
  const present = new Set(files.filter((f) => !oversized.has(f)));
  // Articles of a folder that cannot be listed just now are kept as they were, not dropped.
  const unlisted = scan.problems.map((p) => p.file);
  const gone = [...stored.values()].filter((row) => !present.has(row.file) && !unlisted.some((f) => row.file.startsWith(f)));
  return { files, ids, stored, pending, oversized, unchanged, problems, unlisted, gone };
}

/**
 * Brings the database up to date with the knowledge folder. A file whose size and modification
 * time match the stored ones is not read; one whose bytes still hash the same is only re-stamped;
 * changed and new files are rebuilt article by article; files gone from the listing are removed.
 * A broken file is reported by name and skipped. `plan`: one just made on this database.
 */
export async function refreshIndex(db: IndexDatabase, options: RefreshOptions, plan?: RefreshPlan): Promise<ReindexReport> {
  const { knowledgeDir, logger } = options;
  const planned = plan ?? (await planRefresh(db, options));
  const { files, ids, stored, pending, oversized, gone } = planned;
  const report: ReindexReport = {
    added: [],
    changed: [],
    removed: [],
    unchanged: planned.unchanged,
    problems: [...planned.problems],
    passages: 0,
  };
  const problems: KnowledgeProblem[] = report.problems;

  const writer = articleWriter(db);
  const counts = termCounter(db);
  // Which file holds each article id: two files may not claim the same id (a.md and a.txt).
  const owner = new Map<string, string>();
  // An article that grew past the limit leaves the index rather than answering from its old text.
  const present = new Set(files.filter((f) => !oversized.has(f)));
  for (const row of stored.values()) if (present.has(row.file)) owner.set(row.id, row.file);

  const batch = options.batch ?? 256;
  const threads = options.threads ?? 0;
  const pool: PreparePool | undefined =
    threads > 1 && pending.length >= (options.parallelFrom ?? PARALLEL_FROM) ? startPreparePool(knowledgeDir, threads) : undefined;
  if (pool) logger.info(`Indexing ${pending.length} files, prepared on ${threads} worker threads`);
  const prepare = (from: number): Promise<PrepareOutcome[]> => {
    const jobs = pending.slice(from, from + batch).map((state): PrepareJob => {
      const row = stored.get(state.file);
      return { state, id: ids.get(state.file)!, ...(row && { stored: { hash: row.hash, id: row.id } }) };
    });
    return pool ? pool.prepare(jobs) : mapLimit(jobs, 16, (job) => prepareFile(knowledgeDir, job, options.repair));
  };
  const started = Date.now();
  let lastLog = started;
  try {
    // The next batches are prepared (on the workers) while this one is written, so no worker waits
    // for the writes; at most `ahead + 1` batches are in memory.
    const ahead: Promise<PrepareOutcome[]>[] = [];
    const queueUpTo = (b: number) => {
      for (let from = b + ahead.length * batch; ahead.length < (pool ? 2 : 1) && from < pending.length; from += batch) {
        const p = prepare(from);
        // Awaited in its turn; an error meanwhile must not surface as unhandled.
        p.catch(() => {});
        ahead.push(p);
      }
    };
    for (let b = 0; b < pending.length; b += batch) {
      queueUpTo(b);
      const outcomes = await ahead.shift()!;
      queueUpTo(b + batch);
      const puts: PreparedArticle[] = [];
      const touched: FileState[] = [];
      for (const outcome of outcomes) {
        if (outcome.kind === "problem") {
          problems.push({ file: outcome.file, reason: outcome.reason });
          continue;
        }
        if (outcome.kind === "touched") {
          report.unchanged++;
          touched.push(outcome.state);
          continue;
        }
        const { item } = outcome;
        const holder = owner.get(item.article.id);
        if (holder !== undefined && holder !== item.state.file) {
          problems.push({ file: item.state.file, reason: `its article id "${item.article.id}" is already taken by ${holder}` });
          continue;
        }
        owner.set(item.article.id, item.state.file);
        puts.push(item);
        (stored.has(item.state.file) ? report.changed : report.added).push(item.article.id);
      }
      db.transaction(() => {
        for (const state of touched) writer.touch(state);
        for (const item of puts) {
          counts.removing(item.state.file, item.article.id);
          counts.adding(item);
          writer.put(item);
        }
        counts.flush();
      })();
      if (Date.now() - lastLog > 10_000 && b + batch < pending.length) {
        lastLog = Date.now();
        const done = b + batch;
        const eta = ((Date.now() - started) / done) * (pending.length - done);
        logger.info(`Indexing: ${done}/${pending.length} files, about ${Math.ceil(eta / 1000)} s to go`);
      }
    }
  } finally {
    await pool?.close();
  }

  if (gone.length) {
    db.transaction(() => {
      for (const row of gone) {
        counts.removing(row.file);
        writer.remove(row.file);
      }
      counts.flush();
    })();
    report.removed.push(...gone.map((row) => row.id));
  }
  for (const p of problems) logger.warn(`Skipped ${p.file}: ${p.reason}`, { file: p.file });
  if (report.added.length) warnDuplicateTitles(db, logger, report.added);
  report.passages = (db.prepare("SELECT count(*) AS n FROM passages").get() as { n: number }).n;
  return report;
}

/** One line however many titles are shared (a news archive has many: "Sport in brief" …). */
function warnDuplicateTitles(db: IndexDatabase, logger: Logger, added: readonly string[]): void {
  // A few articles added to a large archive: only their titles are looked up (an index), not every title grouped.
  const few = added.length <= 1000;
  const only = few ? "WHERE title IN (SELECT title FROM articles WHERE id IN (SELECT value FROM json_each(?)))" : "";
  const shared = db
    .prepare(
      `SELECT title, json_group_array(id) AS ids FROM articles ${only} GROUP BY title HAVING count(*) > 1 ORDER BY count(*) DESC, title`,
    )
    .all(...(few ? [JSON.stringify(added)] : [])) as Array<{ title: string; ids: string }>;
  if (!shared.length) return;
  const articles = shared.reduce((n, s) => n + (JSON.parse(s.ids) as string[]).length, 0);
  const first = shared[0]!;
  logger.info(
    `${shared.length} title${shared.length === 1 ? " is" : "s are"} shared by several articles (${articles} articles; ` +
      `e.g. "${first.title}": ${(JSON.parse(first.ids) as string[]).sort().slice(0, 3).join(", ")}); they are told apart by id`,
  );
}
