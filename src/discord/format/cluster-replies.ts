// /status and /reindex as replies when answer workers answer: one line per worker (mode, index
// version, state, load) and each worker's reindex report. Pure.
import type { ClusterStatus } from "../../scale/cluster.js";
import type { ReindexOutcome } from "../../scale/reindex-fanout.js";
import type { WorkerInfo } from "../../scale/worker-registry.js";
import { modeLabel } from "./answer-reply.js";
import { LIMITS, fitText } from "./limits.js";
import { plain } from "./markdown.js";
import { formatUptime } from "./other-replies.js";
import type { ReplyBody } from "./reply-body.js";

function workerLine(w: WorkerInfo, announced: string | undefined, now: Date): string {
  const state = w.state === "ready" ? "answering" : w.state === "behind" ? `**behind** (${plain(w.behind ?? "index differs")})` : w.state;
  const version = w.knowledgeVersion === announced ? `index ${w.knowledgeVersion}` : `index ${w.knowledgeVersion} ≠ ${announced ?? "none"}`;
  const load = `${w.active}/${w.concurrency} busy, ${w.answered} answered, ${w.perSecond.toFixed(1)}/s`;
  return `\`${plain(w.id)}\` ${modeLabel(w.mode)} · ${version} · ${state} · ${load} · up ${formatUptime(now.getTime() - w.startedAt)}`;
}

export function formatClusterStatus(s: ClusterStatus, now: Date): ReplyBody {
  const announced = s.announced?.version;
  const lines = s.workers.map((w) => workerLine(w, announced, now));
  const ready = s.workers.filter((w) => w.state === "ready").length;
  return {
    embeds: [
      {
        title: "Newsdesk status (answer workers)",
        description: fitText(
          lines.length
            ? lines.join("\n")
            : `**No answer worker is running**: new questions are turned away until one starts${s.backlog ? `; ${s.backlog} already queued wait for it` : ""}.`,
          LIMITS.embedDescription,
        ),
        fields: [
          { name: "Workers answering", value: `${ready} of ${s.workers.length}`, inline: true },
          { name: "Backlog", value: `${s.backlog} question${s.backlog === 1 ? "" : "s"}`, inline: true },
          {
            name: "Knowledge version",
            value: announced ? `${announced} (from ${fitText(s.announced!.by, 60)})` : "none announced",
            inline: true,
          },
        ],
      },
    ],
    components: [],
  };
}

export function formatClusterReindex(r: ReindexOutcome): ReplyBody {
  const lines = r.reports.map((x) => {
    if (x.kind === "failed") return `\`${plain(x.worker)}\` failed: ${plain(x.error)}`;
    const { added, changed, removed, unchanged, problems, passages } = x.report;
    const counts = `+${added.length} ~${changed.length} −${removed.length} (${unchanged} unchanged), ${passages} passages`;
    return `\`${plain(x.worker)}\` index ${x.knowledgeVersion}: ${counts}${problems.length ? `, ${problems.length} problems` : ""}`;
  });
  for (const m of r.missing) lines.push(`\`${plain(m)}\` did not report in time`);
  for (const g of r.gone) lines.push(`\`${plain(g)}\` stopped before reporting (no heartbeat)`);
  const done = r.reports.filter((x) => x.kind === "done").length;
  return {
    embeds: [
      {
        title: `Reindexed on ${done} worker${done === 1 ? "" : "s"}`,
        description: fitText(lines.join("\n") || "No answer worker is running.", LIMITS.embedDescription),
      },
    ],
    components: [],
  };
}
