// The door every piece of model work passes: closed while shutting down, per-user cooldown for
// questions, then the bounded queue. A refusal carries the short message the user is shown.
import type { Cooldown } from "../scale/cooldown.js";
import type { Queue } from "./queue.js";
import { seconds } from "./question.js";

export type GateResult<T> = { kind: "accepted"; result: Promise<T> } | { kind: "refused"; message: string };

export interface Gate {
  /** `cooldown: true` for questions; summaries and reindexing only queue. */
  run<T>(userId: string, job: () => Promise<T>, options?: { cooldown?: boolean }): GateResult<T>;
  /** Refuse new work; resolves when accepted work has settled. */
  close(): Promise<void>;
  readonly closing: boolean;
}

export const RESTARTING = "Newsdesk is restarting and not taking new questions. Try again in a minute.";

export function createGate(queue: Queue, cooldown: Cooldown): Gate {
  let closing = false;
  return {
    get closing() {
      return closing;
    },
    run(userId, job, options = {}) {
      if (closing) return { kind: "refused", message: RESTARTING };
      const cooled = options.cooldown !== false;
      if (cooled) {
        const check = cooldown.check(userId);
        if (!check.ok) {
          return { kind: "refused", message: `You are asking quickly. Try again in ${seconds(check.retryAfterMs)} s.` };
        }
      }
      const admission = queue.submit(job);
      if (admission.kind === "closed") return { kind: "refused", message: RESTARTING };
      if (admission.kind === "full") {
        const wait = seconds(admission.retryAfterMs);
        return { kind: "refused", message: `Newsdesk is busy with other questions. Try again in about ${wait} s.` };
      }
      if (cooled) cooldown.mark(userId);
      return { kind: "accepted", result: admission.result };
    },
    close() {
      closing = true;
      return queue.drain();
    },
  };
}
