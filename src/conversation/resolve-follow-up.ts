import { answerTypeOf } from "../answer/question-type.js";
import { tagTokens, type TaggedToken } from "../answer/tagged-tokens.js";
import { byFullness, isName, properNames } from "./names.js";
import type { ConversationTurn, PronounKind, Resolution } from "./turn.js";

// Rules over the tagged question, never over particular words of particular articles: third-person
// pronouns, a bare question word ("and when?"), "what about X?", and a definite noun phrase whose
// noun the last turn spoke of ("the visit") take their meaning from the last turn.

const PERSON = /^(he|him|his|she|her|hers)$/i;
const PLURAL = /^(they|them|their|theirs)$/i;
const THING = /^(it|its)$/i;
const WH = /^(what|which|who|whom|whose|when|where|why|how)$/i;
const LEADING_WH = /^(what|which|who|whom|whose|when|where|why|how)(\s+(much|many|long|old|far|often|big|large))?\b\s*/i;
const ABOUT = /^(?:and\s+|but\s+|so\s+)?(?:what|how)\s+about\s+(.+?)[?.!\s]*$/i;
const AND_NOUN = /^(?:and|also|but)\s+(.+?)[?.!\s]*$/i;
/** Answers this long or shorter are carried into an elided question as its missing part. */
const MAX_CARRIED_WORDS = 8;

type Referents = Partial<Record<PronounKind | "topic", string>>;

/** Whom "he", "they", "it" and "the visit" stand for, from the last turn: its answer when it asked
 *  for someone or something by name ("who…?", "which play…?"), otherwise what it was about. */
function referentsOf(prev: ConversationTurn): Referents {
  const answerName = byFullness(prev.names.answer)[0];
  const quoteName = prev.names.quote[0];
  const subject = prev.names.subject ?? undefined;
  const asked = answerTypeOf(prev.resolvedQuestion);
  const person = asked === "person" && answerName ? answerName : (subject ?? answerName ?? quoteName);
  const thing = answerName && /^(person|place|named)$/.test(asked) ? answerName : (subject ?? answerName ?? quoteName);
  // A pronoun of the same kind as last time keeps its referent: "its sales" … "its chief executive".
  const kept = prev.names.pronouns ?? {};
  return {
    person: kept.person ?? person,
    thing: kept.thing ?? thing,
    plural: kept.plural ?? (subject && answerName && subject !== answerName ? `${subject} and ${answerName}` : thing),
    topic: subject ?? answerName ?? quoteName,
  };
}

/** Names typed outside the question phrase: in "which Reynolds painting will…", Reynolds is part of
 *  what is asked for, not what the question is about. */
function subjectOf(question: string, tokens: TaggedToken[]): string | undefined {
  const wh = tokens.findIndex((t) => WH.test(t.text));
  const verb = tokens.findIndex((t, i) => i > wh && (t.pos === "AUX" || t.pos === "VERB"));
  const from = wh >= 0 && verb > wh ? tokens[verb]!.start : 0;
  return properNames(question.slice(from))[0];
}

const tail = (q: string) => q.replace(/[?.!\s]+$/, "");
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/** He/his/they/it… replaced by whom they stand for, unless the question names someone first. */
function replacePronouns(
  question: string,
  tokens: TaggedToken[],
  refs: Referents,
): { text: string; referent: string; used: Partial<Record<PronounKind, string>> } | undefined {
  let out = "";
  let cursor = 0;
  let referent: string | undefined;
  const used: Partial<Record<PronounKind, string>> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "Did Brown say he would…": the pronoun points inside the question. A name after it ("how
    // far did he jump at the British trials?") does not.
    if (isName(t)) {
      if (referent) continue;
      return undefined;
    }
    if (t.pos !== "PRON" && t.pos !== "DET") continue;
    const word = t.text;
    const kind: PronounKind | undefined = PERSON.test(word)
      ? "person"
      : PLURAL.test(word)
        ? "plural"
        : THING.test(word)
          ? "thing"
          : undefined;
    const who = kind && refs[kind];
    if (!kind || !who) continue;
    used[kind] = who;
    const next = tokens[i + 1];
    const ownerOfNext = /^(his|its|their|theirs|hers)$/i.test(word) || (/^her$/i.test(word) && /^(NOUN|ADJ|PROPN)$/.test(next?.pos ?? ""));
    out += question.slice(cursor, t.start) + (ownerOfNext ? possessive(who) : who);
    cursor = t.end;
    referent ??= who;
  }
  return referent ? { text: out + question.slice(cursor), referent, used } : undefined;
}

/** "and when?", "why?", "how much?": the last question again, asking for something else. */
function fillElided(question: string, tokens: TaggedToken[], prev: ConversationTurn): string | undefined {
  const words = tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "CCONJ");
  const wh = words.findIndex((t) => WH.test(t.text));
  // Only a preposition may come before the question word: "from when?", "since when?".
  if (wh < 0 || words.slice(0, wh).some((t) => t.pos !== "ADP")) return undefined;
  if (words.some((t) => /^(NOUN|PROPN|VERB|AUX|PRON)$/.test(t.pos) && !WH.test(t.text))) return undefined;
  const asking = words.map((t) => t.text).join(" ");
  const rest = tail(prev.resolvedQuestion).replace(LEADING_WH, "");
  const carried = prev.answer && prev.answer.split(/\s+/).length <= MAX_CARRIED_WORDS ? prev.answer : undefined;
  if (!carried) return `${asking} ${rest}?`;
  // "who accompanied X?" → the answer was the subject; "where did X go?" → it was the object.
  const subjectAsked = /^(VERB|ADV)$/.test(tagTokens(rest)[0]?.pos ?? "");
  return subjectAsked ? `${asking} ${carried} ${rest}?` : `${asking} ${rest} ${carried}?`;
}

/** "what about X?", "and X?": the last question about X instead of what it named. */
function substitute(question: string, tokens: TaggedToken[], prev: ConversationTurn): string | undefined {
  const about = ABOUT.exec(question)?.[1] ?? (tokens.some((t) => /^(VERB|AUX)$/.test(t.pos)) ? undefined : AND_NOUN.exec(question)?.[1]);
  // Something to ask about instead: a name or a noun, not a question word ("and when?").
  if (!about || !tagTokens(about).some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return undefined;
  const previous = tail(prev.resolvedQuestion);
  const names = properNames(previous);
  const target = names[names.length - 1];
  if (target) return `${previous.replace(target, about)}?`;
  const nouns = tagTokens(previous).filter((t) => t.pos === "NOUN");
  const last = nouns[nouns.length - 1];
  return last ? `${previous.slice(0, last.start)}${about}${previous.slice(last.end)}?` : `${previous} ${about}?`;
}

/** "the visit", "the company": a definite noun phrase whose noun the last turn spoke of gets its name. */
function nameDefinite(question: string, tokens: TaggedToken[], prev: ConversationTurn, topic: string | undefined): string | undefined {
  if (!topic || tokens.some(isName)) return undefined;
  const context = [prev.resolvedQuestion, prev.answer ?? "", prev.quote ?? ""].join(" ").toLowerCase();
  for (let i = 0; i < tokens.length; i++) {
    if (!/^(the|this|that)$/i.test(tokens[i]!.text)) continue;
    let j = i + 1;
    while (tokens[j]?.pos === "ADJ") j++;
    let head = -1;
    while (tokens[j]?.pos === "NOUN") head = j++;
    if (head < 0 || tokens[j]?.text.toLowerCase() === "of") continue;
    const noun = tokens[head]!.text.toLowerCase();
    if (!/^(this|that)$/i.test(tokens[i]!.text) && !new RegExp(`\\b${noun.replace(/s$/, "")}`).test(context)) continue;
    const end = tokens[head]!.end;
    return `${question.slice(0, end)} (${topic})${question.slice(end)}`;
  }
  return undefined;
}

/** The question as understood against the conversation's turns (oldest first). */
export function resolveFollowUp(question: string, turns: readonly ConversationTurn[]): Resolution {
  const tokens = tagTokens(question);
  const typed = subjectOf(question, tokens);
  const prev = turns[turns.length - 1];
  const alone: Resolution = {
    followUp: false,
    resolvedQuestion: question,
    readAs: question,
    articleIds: [],
    ...(typed ? { subject: typed } : {}),
  };
  if (!prev) return alone;
  const refs = referentsOf(prev);
  const carried = prev.names.subject ?? undefined;
  const pronouns = replacePronouns(question, tokens, refs);
  const rewritten = fillElided(question, tokens, prev) ?? substitute(question, tokens, prev);
  const resolved = rewritten ?? pronouns?.text ?? nameDefinite(question, tokens, prev, refs.topic);
  if (!resolved) return alone;
  const subject = pronouns?.referent ?? typed ?? carried;
  const articleIds = [
    ...new Set(
      turns
        .map((t) => t.articleId)
        .filter((id): id is string => !!id)
        .reverse(),
    ),
  ];
  return {
    followUp: true,
    resolvedQuestion: resolved.replace(/\s+/g, " ").trim(),
    readAs: rewritten ?? question,
    articleIds,
    previousQuestion: prev.question,
    ...(subject ? { subject } : {}),
    ...(pronouns && resolved === pronouns.text ? { pronouns: pronouns.used } : {}),
  };
}
