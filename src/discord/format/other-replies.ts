// Summaries, passages, the article list, status and reindex reports as Discord replies. Pure.
import type { APIEmbed } from "discord.js";
import type { ArticleInfo, ChangeDetection, FolderCheck, Passage, ReindexReport, Status, Summary } from "../../types.js";
import type { TitleOf } from "./answer-reply.js";
import { modeLabel } from "./answer-reply.js";
import { LIMITS, fitText } from "./limits.js";
import { link, plain } from "./markdown.js";
import { CUSTOM_ID } from "./custom-id.js";
import { buttonRows, type ReplyBody } from "./reply-body.js";
import type { GatewaySnapshot } from "../gateway-state.js";

export const ARTICLES_PER_PAGE = 10;

export function formatSummary(summary: Summary, titleOf: TitleOf): ReplyBody {
  const topic = summary.articleId === null;
  const lines = summary.sentences.map((s) => {
    const where = topic ? `${titleOf(s.articleId) ?? s.articleId}, ¶${s.paragraph}` : `¶${s.paragraph}`;
    return `${plain(s.text)} *(${plain(where)})*`;
  });
  const body = lines.length ? lines.join("\n\n") : "Nothing in the articles matches that topic.";
  const mode = summary.mode === "generated" ? "generated" : modeLabel(summary.mode);
  return {
    embeds: [
      {
        // A topic is whatever the asker typed: escaped, so it shows as written.
        title: fitText(plain(summary.title), LIMITS.embedTitle),
        description: fitLines(lines.length ? lines : [body], LIMITS.embedDescription),
        footer: { text: `Summary · ${mode}${summary.articleId ? ` · ${summary.articleId}` : ""}` },
      },
    ],
    components: [],
  };
}

/** Whole lines while they fit; the text of one line is cut only when even it alone is too long. */
function fitLines(lines: string[], max: number): string {
  let out = "";
  for (const line of lines) {
    const next = out ? `${out}\n\n${line}` : line;
    if (next.length > max) return out || fitText(line, max);
    out = next;
  }
  return out;
}

export function formatPassage(p: Passage, source: string | undefined): ReplyBody {
  return {
    embeds: [
      {
        title: fitText(`${p.title} — paragraph ${p.paragraph}`, LIMITS.embedTitle),
        ...(source && /^https?:\/\//.test(source) ? { url: source } : {}),
        description: fitText(plain(p.text), LIMITS.embedDescription),
        footer: { text: fitText(`Passage ${p.id}`, LIMITS.footer) },
      },
    ],
    components: [],
  };
}

export function formatArticlesPage(all: ArticleInfo[], page: number): ReplyBody {
  const pages = Math.max(1, Math.ceil(all.length / ARTICLES_PER_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = all.slice(p * ARTICLES_PER_PAGE, (p + 1) * ARTICLES_PER_PAGE);
  const lines = slice.map((a, i) => {
    const date = a.published ? ` — ${a.published.slice(0, 10)}` : "";
    const n = p * ARTICLES_PER_PAGE + i + 1;
    return fitText(`**${n}.** ${link(a.title, a.source)}${date} · \`${a.id}\``, 400);
  });
  const embed: APIEmbed = {
    title: "Articles, newest first",
    description: lines.length ? lines.join("\n") : "The knowledge folder has no articles yet.",
    footer: { text: `Page ${p + 1} of ${pages} · ${all.length} article${all.length === 1 ? "" : "s"}` },
  };
  const components =
    pages > 1
      ? buttonRows([
          { customId: CUSTOM_ID.articlesPage(p - 1), label: "◀ Newer", disabled: p === 0 },
          { customId: CUSTOM_ID.articlesPage(p + 1), label: "Older ▶", disabled: p === pages - 1 },
        ])
      : [];
  return { embeds: [embed], components };
}

export function formatUptime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d ? `${d}d ${h}h ${m}m` : h ? `${h}h ${m}m` : `${m}m ${s % 60}s`;
}

/** How the knowledge folder is watched, in words for /status. */
export function changesLabel(changes: ChangeDetection): string {
  if (changes.kind === "events") return `file-system events (${changes.folders} folders watched)`;
  if (changes.kind === "poll") return `a scan every ${changes.intervalSeconds} s or more (${changes.files} files; ${changes.reason})`;
  return `/reindex only (${changes.reason})`;
}

/** When the index was last compared with the knowledge folder, in words for /status. */
export function folderCheckLabel(folder: FolderCheck, now: Date): string {
  const ago = (at: Date) => `${Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000))} s ago`;
  const last = folder.last;
  const lastWords = !last
    ? "not yet"
    : "failed" in last
      ? `failed ${ago(last.at)}: ${last.failed}`
      : `${ago(last.at)} (${last.changed ? `${last.changed} article${last.changed === 1 ? "" : "s"} re-indexed` : "no change"})`;
  if (!folder.checkingSince) return lastWords;
  const since = Math.max(0, Math.round((now.getTime() - folder.checkingSince.getTime()) / 1000));
  return `checking the folder now (for ${since} s; answers come from the index as it is)` + (last ? `; last ${lastWords}` : "");
}

/** Dense search's line of /status: how it searches, over how many vectors, and the embedding's progress. */
export function vectorSearchLabel(v: NonNullable<Status["vectorSearch"]>): string {
  const how: Record<string, string> = {
    loading: "reading the stored vectors (answers are lexical meanwhile)",
    exact: "exact",
    "graph-opening": "HNSW graph, being read",
    "graph-building": "HNSW graph, being built (searches what it holds so far)",
    "graph-ready": "HNSW graph",
    "graph-failed": "exact (the HNSW graph failed)",
  };
  const line = `${how[v.search] ?? v.search}, ${v.vectors.toLocaleString("en-US")} passage vectors`;
  if (!v.embedding) return line;
  const { done, total, etaMs } = v.embedding;
  return `${line}; embedding ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} new passages, about ${durationWords(etaMs)} to go (not yet embedded: found lexically)`;
}

/** A time to go, in the unit a reader wants: seconds, minutes or hours. */
function durationWords(ms: number): string {
  if (!Number.isFinite(ms)) return "an unknown time";
  if (ms < 90_000) return `${Math.max(1, Math.ceil(ms / 1000))} s`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The gateway line of /status: connected or not, and the outages since start. */
export function gatewayLine(g: GatewaySnapshot, now: Date): string {
  const secs = (ms: number) => `${Math.max(0, Math.round(ms / 1000))} s`;
  const state = g.up ? "connected" : `${g.phase} for ${secs(now.getTime() - g.since)}`;
  if (!g.outages) return state;
  const last = g.lastOutageMs === null ? "" : `, last ${secs(g.lastOutageMs)}`;
  return `${state} (${g.outages} outage${g.outages === 1 ? "" : "s"} since start${last})`;
}

export function formatStatus(status: Status, now: Date, gateway?: GatewaySnapshot): ReplyBody {
  const field = (name: string, value: string) => ({ name, value: fitText(value, LIMITS.fieldValue), inline: true });
  return {
    embeds: [
      {
        title: "Newsdesk status",
        fields: [
          field("Mode", modeLabel(status.mode)),
          field("Embedding model", status.embedderModel ?? "none"),
          field("Reader model", status.readerModel ?? "none"),
          field("Articles", String(status.articles)),
          field("Passages", String(status.passages)),
          field("Uptime", formatUptime(now.getTime() - status.startedAt.getTime())),
          field("Version", status.version),
          field("Changes noticed by", changesLabel(status.changes)),
          // A gateway holds no index: its answer workers compare their folders.
          ...(status.folder.checkingSince || status.folder.last ? [field("Folder checked", folderCheckLabel(status.folder, now))] : []),
          ...(status.vectorSearch ? [field("Vector search", vectorSearchLabel(status.vectorSearch))] : []),
          ...(gateway ? [field("Gateway", gatewayLine(gateway, now))] : []),
        ],
      },
    ],
    components: [],
  };
}

export function formatReindex(r: ReindexReport): ReplyBody {
  const list = (label: string, ids: string[]) =>
    ids.length ? `**${label}** (${ids.length}): ${ids.map((i) => `\`${i}\``).join(", ")}` : "";
  const problems = r.problems.map((p) => `\`${p.file}\`: ${plain(p.reason)}`);
  const parts = [
    list("Added", r.added),
    list("Changed", r.changed),
    list("Removed", r.removed),
    `**Unchanged**: ${r.unchanged}`,
    `**Passages indexed**: ${r.passages}`,
    problems.length ? `**Problems** (${problems.length}):\n${problems.join("\n")}` : "",
  ].filter(Boolean);
  const nothing = !r.added.length && !r.changed.length && !r.removed.length;
  return {
    embeds: [
      {
        title: nothing ? "Reindexed: nothing changed" : "Reindexed",
        description: fitText(parts.join("\n"), LIMITS.embedDescription),
      },
    ],
    components: [],
  };
}
