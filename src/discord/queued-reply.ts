// The sequence every piece of model work follows from Discord: through the gate (or a short
// refusal), acknowledge at once (deferReply, typing), then wait for the outcome. The outcome is a
// value; the caller decides what a failure means for its reply.
import type { Gate } from "./gate.js";

/** The first two steps of any reply to queued work; interactions and channel messages differ here. */
export interface QueuedSink {
  /** A short notice: cooldown, busy, restarting (private where Discord allows). */
  refuse(text: string): Promise<void>;
  /** Acknowledge at once, before any model work. */
  begin(): Promise<void>;
}

export type QueuedOutcome<T> = { kind: "refused" } | { kind: "done"; value: T } | { kind: "failed"; error: unknown };

export async function queuedReply<T>(
  gate: Gate,
  userId: string,
  job: () => Promise<T>,
  sink: QueuedSink,
  options: { cooldown: boolean },
): Promise<QueuedOutcome<T>> {
  const admitted = gate.run(userId, job, options);
  if (admitted.kind === "refused") {
    await sink.refuse(admitted.message);
    return { kind: "refused" };
  }
  // Settle the work even if acknowledging fails, so no rejection goes unhandled.
  const outcome = admitted.result.then(
    (value): QueuedOutcome<T> => ({ kind: "done", value }),
    (error: unknown): QueuedOutcome<T> => ({ kind: "failed", error }),
  );
  await sink.begin();
  return outcome;
}
