// One short name for what an index holds: the same articles with the same bytes give the same
// version on any machine, so answer workers can tell whether their replicas agree. Pure.
import { createHash } from "node:crypto";

export function knowledgeVersion(articles: Iterable<{ id: string; hash: string }>): string {
  const lines = [...articles].map((a) => `${a.id}\0${a.hash}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 12);
}
