// Why these numbers: a follow-up leans on the last turn or two; a person's next question
// within a quarter of an hour is usually about the same story; a few thousand conversations
// of five short turns are well under a megabyte.
export const CONVERSATION_DEFAULTS = {
  maxTurns: 5,
  idleMs: 15 * 60_000,
  maxConversations: 5000,
  /** Score multipliers (a lean, not a filter): passages of the conversation's articles, and
   *  more for the paragraphs its last reply cited and their neighbours (a story goes on nearby). */
  lean: { article: 1.5, paragraph: 1.2 },
} as const;

/** The limits from the settings (CONVERSATION_TURNS, CONVERSATION_IDLE_MINUTES); the number of
 *  conversations kept in a process stays the default. */
export function conversationLimits(settings: { turns: number; idleMinutes: number }) {
  return {
    maxTurns: settings.turns,
    idleMs: Math.round(settings.idleMinutes * 60_000),
    maxConversations: CONVERSATION_DEFAULTS.maxConversations,
  };
}
