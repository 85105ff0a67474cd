// Whether the cluster takes one more question, from the real backlog and what the live workers get
// through: a full queue is an answer with a time to retry, not a wait. Pure.

export interface Backlog {
  /** Jobs waiting and being answered right now, across every worker. */
  jobs: number;
  /** Questions a second the live workers answer together (0 when none is live or none has answered). */
  perSecond: number;
  /** Live workers (heartbeating, not stopping), answering now or once their index catches up. */
  workers: number;
}

export type AdmissionCheck = { ok: true } | { ok: false; retryAfterMs: number; reason: "busy" | "no-workers" };

/** Assumed seconds per question before any worker has measured one. */
const UNMEASURED_SECONDS = 3;

export function admit(backlog: Backlog, maxWaiting: number): AdmissionCheck {
  if (backlog.workers === 0) return { ok: false, retryAfterMs: 60_000, reason: "no-workers" };
  if (backlog.jobs < maxWaiting) return { ok: true };
  // None measured yet (all starting or behind): each is assumed to take UNMEASURED_SECONDS.
  const perSecond = backlog.perSecond > 0 ? backlog.perSecond : backlog.workers / UNMEASURED_SECONDS;
  // Everyone past the limit must be answered before a place frees up.
  const excess = backlog.jobs - maxWaiting + 1;
  return { ok: false, retryAfterMs: Math.round((excess / perSecond) * 1000), reason: "busy" };
}
