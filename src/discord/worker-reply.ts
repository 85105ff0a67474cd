// The gateway's half of a question when answer workers answer (REDIS_URL set): admit it (shared
// cooldown, real backlog), acknowledge at once (deferReply or typing), then queue it with where the
// reply goes. The worker that answers delivers the reply itself; this process does not wait for it.
import { RESTARTING } from "./gate.js";
import type { BotContext } from "./context.js";
import type { QueuedSink } from "./queued-reply.js";
import type { Cluster } from "../scale/cluster.js";
import type { ReplyTarget, WorkSpec } from "../scale/work.js";
import { textReply, type ReplyBody } from "./format/reply-body.js";

/** A sink that can also name its reply for a worker: the question's id and its target. */
export interface WorkerSink extends QueuedSink {
  readonly replyTo: { id: string; target: ReplyTarget };
  deliver(body: ReplyBody): Promise<void>;
}

export async function queueForWorkers(
  ctx: BotContext,
  cluster: Cluster,
  userId: string,
  work: WorkSpec,
  sink: WorkerSink,
  options: { cooldown: boolean },
): Promise<void> {
  if (ctx.gate.closing) return sink.refuse(RESTARTING);
  const admission = await cluster.admit(userId, options);
  if (admission.kind === "refused") return sink.refuse(admission.message);
  // Acknowledged before it is queued, so a worker never edits a response Discord has not seen yet.
  await sink.begin();
  try {
    await cluster.enqueue({ id: sink.replyTo.id, userId, work, target: sink.replyTo.target });
  } catch (error) {
    ctx.logger.error("could not queue the question", { error, question: sink.replyTo.id });
    await sink.deliver(textReply("Newsdesk could not queue that question. Please ask again in a minute."));
    return;
  }
  ctx.logger.debug("queued for the answer workers", { question: sink.replyTo.id, kind: work.kind });
}
