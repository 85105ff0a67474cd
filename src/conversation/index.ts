export { askInConversation, type ConversationDependencies } from "./ask-in-conversation.js";
export type { ConversationLimits, ConversationStore } from "./conversation-store.js";
export { CONVERSATION_DEFAULTS, conversationLimits } from "./conversation-defaults.js";
export { createMemoryStore } from "./memory-store.js";
export { properNames } from "./names.js";
export { turnOf } from "./record-turn.js";
export { resolveFollowUp } from "./resolve-follow-up.js";
export type { ConversationTurn, Resolution, TurnNames } from "./turn.js";
export { leanTowards, type LeanFactors } from "./lean.js";
