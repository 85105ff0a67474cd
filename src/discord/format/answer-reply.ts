// An Answer as a Discord reply, one look per kind: an answer in bold above its quote with the span
// marked; a passage as "The article says:" above the quoted sentence, nothing marked; "Not found"
// with the nearest passages. Article (linked when it has a source), paragraph, mode in the footer. Pure.
import type { APIEmbed } from "discord.js";
import type { ConversationAnswer, Mode, Nearest, Quote } from "../../types.js";
import { LIMITS, fitText } from "./limits.js";
import { link, markedQuote, plain } from "./markdown.js";
import { CUSTOM_ID } from "./custom-id.js";
import { buttonRows, type ReplyBody } from "./reply-body.js";

const QUOTE_MAX = 1500;
const NEAREST_SHOWN = 3;
const NEAREST_EXCERPT = 300;
const COLOUR = { answer: 0x2b6cb0, passage: 0xb7791f, notFound: 0x718096 };

export type TitleOf = (articleId: string) => string | undefined;

export interface AnswerReplyOptions {
  /** The conversation id an "Ask a follow-up" button carries; no button when absent. */
  followUpId?: string;
}

type Answer = ConversationAnswer;

const FOLLOWING_UP_MAX = 120;

/** "Following up on: …" when the reply built on an earlier question, so the asker sees it did. */
function withContext(footer: string, answer: Answer): { text: string } {
  const previous = answer.conversation?.followUp ? answer.conversation.previousQuestion : undefined;
  if (previous === undefined) return { text: footer };
  return { text: fitText(`${footer}\nFollowing up on: ${fitText(previous.replace(/\s+/g, " ").trim(), FOLLOWING_UP_MAX)}`, LIMITS.footer) };
}

function followUpButton(options: AnswerReplyOptions) {
  return options.followUpId ? [{ customId: CUSTOM_ID.followUp(options.followUpId), label: "Ask a follow-up" }] : [];
}

export function modeLabel(mode: Mode): string {
  return mode === "model" ? "model" : "lexical (keyword match, no model)";
}

/** The quote cut down to a window around the answer, at word boundaries, offsets adjusted. */
export function quoteWindow(quote: string, start: number, end: number, max = QUOTE_MAX) {
  if (quote.length <= max) return { quote, start, end };
  const span = Math.min(end - start, max - 2);
  const spare = max - 2 - span;
  let from = Math.max(0, start - Math.floor(spare / 2));
  let to = Math.min(quote.length, from + span + spare);
  from = Math.max(0, to - span - spare);
  // Snap to word boundaries without cutting into the answer.
  const space = quote.indexOf(" ", from);
  if (from > 0 && space >= 0 && space < start) from = space + 1;
  const back = quote.lastIndexOf(" ", to);
  if (to < quote.length && back > end) to = back;
  const head = from > 0 ? "…" : "";
  const tail = to < quote.length ? "…" : "";
  return { quote: head + quote.slice(from, to) + tail, start: start - from + head.length, end: Math.min(end, to) - from + head.length };
}

function author(question: string): APIEmbed["author"] {
  return { name: fitText(`Q: ${question.replace(/\s+/g, " ").trim()}`, LIMITS.authorName) };
}

function nearestField(n: Nearest, i: number, titleOf: TitleOf) {
  const title = titleOf(n.articleId) ?? n.articleId;
  return {
    name: fitText(`${i + 1}. ${title} — paragraph ${n.paragraph}`, LIMITS.fieldName),
    value: fitText(`${plain(fitText(n.text, NEAREST_EXCERPT))}\n\`${n.passageId}\``, LIMITS.fieldValue),
  };
}

function sourceFields(c: Quote): APIEmbed["fields"] {
  return [
    { name: "Article", value: fitText(link(c.title, c.source), LIMITS.fieldValue), inline: true },
    { name: "Paragraph", value: `${c.paragraph} · \`${fitText(c.passageId, 200)}\``, inline: true },
  ];
}

function cited(embed: APIEmbed, c: Quote, options: AnswerReplyOptions): ReplyBody {
  if (c.source && /^https?:\/\//.test(c.source)) embed.url = c.source;
  return {
    embeds: [embed],
    components: buttonRows([{ customId: CUSTOM_ID.passage(c.passageId), label: "Show passage" }, ...followUpButton(options)]),
  };
}

const percent = (score: number) => Math.round(Math.min(1, Math.max(0, score)) * 100);

export function formatAnswer(answer: Answer, titleOf: TitleOf, options: AnswerReplyOptions = {}): ReplyBody {
  if (answer.kind === "not-found") return formatNotFound(answer, titleOf, options);
  if (answer.kind === "passage") return formatPassage(answer, options);
  const c = answer.citation;
  const w = quoteWindow(c.quote, c.answerStart, c.answerEnd);
  const bold = `**${plain(fitText(answer.answer.trim(), 500))}**`;
  const description = fitText(`${bold}\n\n${markedQuote(w.quote, w.start, w.end)}`, LIMITS.embedDescription);
  return cited(
    {
      color: COLOUR.answer,
      author: author(answer.question),
      title: fitText(c.title, LIMITS.embedTitle),
      description,
      fields: sourceFields(c),
      footer: withContext(`Mode: ${modeLabel(answer.mode)} · Confidence: ${percent(answer.score)}%`, answer),
    },
    c,
    options,
  );
}

/** The sentence is the answer: labelled so, quoted, and no span marked as if it were certain. */
function formatPassage(answer: Extract<Answer, { kind: "passage" }>, options: AnswerReplyOptions): ReplyBody {
  const c = answer.citation;
  const w = quoteWindow(c.quote, 0, 0);
  const description = fitText(`**The article says:**\n${markedQuote(w.quote, 0, 0)}`, LIMITS.embedDescription);
  return cited(
    {
      color: COLOUR.passage,
      author: author(answer.question),
      title: fitText(c.title, LIMITS.embedTitle),
      description,
      fields: sourceFields(c),
      footer: withContext(`Mode: ${modeLabel(answer.mode)} · No single phrase stood out: this sentence holds the answer`, answer),
    },
    c,
    options,
  );
}

function formatNotFound(answer: Extract<Answer, { kind: "not-found" }>, titleOf: TitleOf, options: AnswerReplyOptions): ReplyBody {
  const shown = answer.nearest.slice(0, NEAREST_SHOWN);
  const lead = "I could not find an answer to that in the articles I have.";
  const description = shown.length ? `${lead} These passages came nearest; they may not answer it.` : `${lead} No passage came close.`;
  const embed: APIEmbed = {
    color: COLOUR.notFound,
    author: author(answer.question),
    title: "Not found",
    description,
    fields: shown.map((n, i) => nearestField(n, i, titleOf)),
    footer: withContext(`Mode: ${modeLabel(answer.mode)}`, answer),
  };
  const passages = shown.map((n, i) => ({ customId: CUSTOM_ID.passage(n.passageId), label: `Passage ${i + 1}` }));
  return { embeds: [embed], components: buttonRows([...passages, ...followUpButton(options)]) };
}
