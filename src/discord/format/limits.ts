// Discord's message limits and cutting text to fit them at sentence boundaries. Pure.
import { splitSentences } from "../../text/index.js";

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  embeds: 10,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = "…";

/**
 * `text` if it fits in `max` characters, else the longest run of whole sentences that fits, then
 * whole words, then a hard cut; a cut always ends with "…".
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 4) return text.slice(0, Math.max(0, max));
  // Room for " …" after the kept text.
  const room = max - 2;
  let best = 0;
  for (const s of splitSentences(text)) {
    if (s.end > room) break;
    best = s.end;
  }
  // Whole sentences if they keep at least half the room; otherwise a word boundary reads better.
  if (best >= room / 2) return text.slice(0, best) + " " + ELLIPSIS;
  const space = text.lastIndexOf(" ", room);
  const cut = space >= room / 2 ? space : room;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** Characters Discord counts towards the 6,000 total of one embed. */
export function embedLength(embed: {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}
