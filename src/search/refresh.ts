import { statSync } from "node:fs";
import path from "node:path";
import { assignArticleIds } from "../knowledge/article-ids.js";
import { walkFolders, type ReadFolder } from "../knowledge/scan-folder.js";
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

/** A stored article: its file and id (the stamps are compared folder by folder, never all held). */
export interface StoredFile {
  file: string;
  id: string;
}

/** A file to read: new, or with another size, time or id than stored. */
export interface PendingFile extends FileState {
  id: string;
  /** Whether the index holds an article for this file (then it is "changed", not "added"). */
  stored: boolean;
}

/** What a refresh is to do, from the folder's listing and file stamps: nothing read yet. Its size
 *  is what changed, not the archive: unchanged files are only counted. */
export interface RefreshPlan {
  pending: PendingFile[];
  unchanged: number;
  problems: KnowledgeProblem[];
  /** Folders that could not be listed: their articles are kept. */
  unlisted: string[];
  /** Stored articles whose files are gone (or grew past the size limit). */
  gone: StoredFile[];
}

/** Stored stamps as [file, size, mtime, id]: arrays, not objects, for the few thousand read at a time. */
type StampRow = [string, number, number, string];

/** The stored stamps of one folder's own files, by a range over the file index (sub-folders' files left out). */
function folderStamps(db: IndexDatabase) {
  const inRange = db.prepare<[string, string], StampRow>("SELECT file, size, mtime, id FROM articles WHERE file >= ? AND file < ?").raw();
  const atTop = db.prepare<[string], StampRow>("SELECT file, size, mtime, id FROM articles WHERE instr(file, ?) = 0").raw();
  const after = String.fromCharCode(path.sep.charCodeAt(0) + 1);
  return (folder: string): StampRow[] => {
    if (folder === "") return atTop.all(path.sep);
    const prefix = folder + path.sep;
    return inRange.all(prefix, folder + after).filter((r) => !r[0].includes(path.sep, prefix.length));
  };
}

/**
 * Lists the folder and compares each file's size and time with the stored ones, folder by folder:
 * the stored stamps of one folder at a time, so memory follows the largest folder and what
 * changed, not the archive. Stored articles are only all read when a whole folder went away.
 */
export async function planRefresh(db: IndexDatabase, options: RefreshOptions): Promise<RefreshPlan> {
  const { knowledgeDir, logger } = options;
  const stampsOf = folderStamps(db);
  const problems: KnowledgeProblem[] = [];
  const pending: PendingFile[] = [];
  const gone: StoredFile[] = [];
  /** Folders that could not be listed just now: their articles are kept as they were, not dropped. */
  const unlisted: string[] = [];
  const listed = new Set<string>();
  let unchanged = 0;
  let seenRows = 0;
  let statted = 0;

  for await (const listing of walkFolders(knowledgeDir, options.readFolder)) {
    if (listing.kind === "problem") {
      problems.push(listing.problem);
      unlisted.push(listing.problem.file);
      continue;
    }
    const { folder, files } = listing;
    listed.add(folder);
    // Namesakes (story.md, story.txt) share a folder, so ids assigned per folder are the archive's.
    const { ids, shared } = assignArticleIds(files);
    for (const group of shared) {
      logger.warn(
        `${group.files.join(", ")} would share the article id "${group.id}"; each is indexed under its own id (${group.files
          .map((f) => ids.get(f))
          .join(", ")})`,
        { files: group.files },
      );
    }
    const rows = stampsOf(folder);
    seenRows += rows.length;
    const stored = new Map(rows.map((r) => [r[0], r]));
    for (const file of files) {
      // Synchronous stat calls, a thousand at a time with a turn of the event loop between: a third
      // of the CPU of one promise per file (10,000 files: about 40 ms against 120 ms).
      if (++statted % STAT_CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      let size: number;
      let mtime: number;
      try {
        const info = statSync(path.join(knowledgeDir, file));
        // Whole milliseconds: what every tool that copies or restores times keeps.
        size = info.size;
        mtime = Math.trunc(info.mtimeMs);
      } catch (error) {
        if (!isProblem(error)) throw error;
        problems.push({ file, reason: reason(error) });
        // A file that cannot be stat'ed just now keeps its article, as before.
        stored.delete(file);
        continue;
      }
      if (options.maxArticleBytes !== undefined && size > options.maxArticleBytes) {
        // An article that grew past the limit leaves the index rather than answering from its old text.
        problems.push({ file, reason: `${size} bytes, over MAX_ARTICLE_BYTES (${options.maxArticleBytes}); skipped` });
        continue;
      }
      const row = stored.get(file);
      stored.delete(file);
      const id = ids.get(file)!;
      // A file whose id changed (a namesake came or went) is rebuilt under its new id.
      if (row && row[1] === size && row[2] === mtime && row[3] === id) unchanged++;
      else pending.push({ file, size, mtime, id, stored: row !== undefined });
    }
    for (const [file, , , id] of stored.values()) gone.push({ file, id });
  }

  const total = (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  if (seenRows < total) {
    // Stored articles outside every listed folder: a folder emptied, removed or not listable.
    const all = db.prepare<[], [string, string]>("SELECT file, id FROM articles").raw();
    for (const [file, id] of all.iterate()) {
      const folder = path.dirname(file);
      if (listed.has(folder === "." ? "" : folder) || unlisted.some((f) => file.startsWith(f))) continue;
      gone.push({ file, id });
    }
  }
  return { pending, unchanged, problems, unlisted, gone };
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
  const { pending, gone } = planned;
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
  // Two files may not claim the same article id (a.md and a.txt): the holder is looked up by id
  // (an index), and articles about to be removed hold nothing.
  const goneFiles = new Set(gone.map((g) => g.file));
  const claimed = new Map<string, string>();
  const holderOf = db.prepare<[string], { file: string }>("SELECT file FROM articles WHERE id = ?");
  const holder = (id: string): string | undefined => {
    const file = claimed.get(id) ?? holderOf.get(id)?.file;
    return file !== undefined && !goneFiles.has(file) ? file : undefined;
  };
  const storedOf = db.prepare<[string], { hash: string; id: string }>("SELECT hash, id FROM articles WHERE file = ?");

  const batch = options.batch ?? 256;
  const threads = options.threads ?? 0;
  const pool: PreparePool | undefined =
    threads > 1 && pending.length >= (options.parallelFrom ?? PARALLEL_FROM) ? startPreparePool(knowledgeDir, threads) : undefined;
  if (pool) logger.info(`Indexing ${pending.length} files, prepared on ${threads} worker threads`);
  const prepare = (from: number): Promise<PrepareOutcome[]> => {
    const jobs = pending.slice(from, from + batch).map(({ file, size, mtime, id, stored }): PrepareJob => {
      const row = stored ? storedOf.get(file) : undefined;
      return { state: { file, size, mtime }, id, ...(row && { stored: { hash: row.hash, id: row.id } }) };
    });
    return pool ? pool.prepare(jobs) : mapLimit(jobs, 16, (job) => prepareFile(knowledgeDir, job, options.repair));
  };
  const wasStored = new Set(pending.filter((p) => p.stored).map((p) => p.file));
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
        const taken = holder(item.article.id);
        if (taken !== undefined && taken !== item.state.file) {
          problems.push({ file: item.state.file, reason: `its article id "${item.article.id}" is already taken by ${taken}` });
          continue;
        }
        claimed.set(item.article.id, item.state.file);
        puts.push(item);
        (wasStored.has(item.state.file) ? report.changed : report.added).push(item.article.id);
      }
      db.transaction(() => {
        for (const state of touched) writer.touch(state);
        for (const item of puts) {
          counts.removing(item.state.file, item.article.id);
          counts.adding(item);
          writer.put(item);
        }
        counts.flush();
        if (puts.length) forgetAverageLength(db);
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
      forgetAverageLength(db);
    })();
    report.removed.push(...gone.map((row) => row.id));
  }
  for (const p of problems) logger.warn(`Skipped ${p.file}: ${p.reason}`, { file: p.file });
  if (report.added.length) warnDuplicateTitles(db, logger, report.added);
  report.passages = (db.prepare("SELECT count(*) AS n FROM passages").get() as { n: number }).n;
  keepAverageLength(db);
  return report;
}

// BM25's mean passage length is kept with the index, so that a start's first question does not
// scan every passage for it (0.1–0.3 s at 1.7 M passages): forgotten in the transaction that
// changes passages, worked out again once the refresh is done.
const AVERAGE_LENGTH_KEY = "average_length";

function forgetAverageLength(db: IndexDatabase): void {
  db.prepare("DELETE FROM meta WHERE key = ?").run(AVERAGE_LENGTH_KEY);
}

function keepAverageLength(db: IndexDatabase): void {
  if (db.prepare("SELECT 1 FROM meta WHERE key = ?").get(AVERAGE_LENGTH_KEY)) return;
  const { value } = db.prepare("SELECT avg(length) AS value FROM passages").get() as { value: number | null };
  // As JavaScript writes it: the number read back is the same double.
  if (value !== null) db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(AVERAGE_LENGTH_KEY, String(value));
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
