// What a conversation remembers of one question and its reply: plain JSON, so that a store
// elsewhere (Redis) can keep it as it is.

/** Names found in a turn's text, best first, worked out once when the turn is recorded. */
export type PronounKind = "person" | "thing" | "plural";

export interface TurnNames {
  /** What the question was about: the name a pronoun stood for, or the first name typed outside
   *  the question phrase ("Haftar" in "who accompanied Haftar?"), carried on through follow-ups. */
  subject: string | null;
  /** Whom the question's pronouns stood for, by kind: the next "he" keeps meaning the same. */
  pronouns: Partial<Record<PronounKind, string>>;
  /** Proper-noun phrases of the question as typed ("Haftar"): what the person asks about. */
  question: string[];
  /** Proper-noun phrases of the answer ("Lieutenant General Saddam Khalifa Haftar"). */
  answer: string[];
  /** Proper-noun phrases of the cited sentence, in order (its subject usually first). */
  quote: string[];
}

export interface ConversationTurn {
  /** The question as typed (normalised). */
  question: string;
  /** The question as the bot understood it, after follow-up resolution. */
  resolvedQuestion: string;
  /** The answer text, or null when nothing was found. */
  answer: string | null;
  articleId: string | null;
  paragraph: number | null;
  /** The cited sentence(s), or null. */
  quote: string | null;
  names: TurnNames;
  /** Milliseconds since the epoch. */
  at: number;
}

/** How a question was understood against its conversation. */
export interface Resolution {
  /** True when the question leaned on earlier turns (a pronoun, an elided subject, "what about X?"). */
  followUp: boolean;
  /** The question with its references filled in; the question itself when not a follow-up. */
  resolvedQuestion: string;
  /** The wording for the reader: as typed when only names were filled in (the article's own
   *  sentences use pronouns too), the resolved question when words were missing ("and when?"). */
  readAs: string;
  /** The conversation's articles, newest first: retrieval prefers them (a boost, not a filter). */
  articleIds: string[];
  /** The earlier question this one built on, when a follow-up. */
  previousQuestion?: string;
  /** What the question is about (see TurnNames.subject), when known. */
  subject?: string;
  /** Whom its pronouns stood for, by kind. */
  pronouns?: Partial<Record<PronounKind, string>>;
}
