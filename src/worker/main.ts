// `npm run worker`: an answer worker as a face of the shared service runner (settings, the core with
// its knowledge watcher, /healthz, signals: src/service/run-service.ts). It takes questions from the
// Redis queue, answers them from its own index replica and delivers each reply through Discord's REST
// API (docs/scale-out.md).
import { runService } from "../service/run-service.js";
import { startAnswerWorker } from "./answer-worker.js";
import { restDelivery } from "../discord/delivery/rest-delivery.js";

runService(async (config, newsdesk, logger) => {
  const worker = await startAnswerWorker(
    {
      redisUrl: config.REDIS_URL!,
      prefix: config.REDIS_PREFIX,
      workerId: config.WORKER_ID,
      concurrency: config.WORKER_CONCURRENCY,
      lockSeconds: config.JOB_LOCK_SECONDS,
    },
    newsdesk,
    restDelivery(config.DISCORD_TOKEN, { api: config.DISCORD_API_URL, logger }),
    logger,
  );
  logger.info("answer worker started", { worker: worker.id, mode: newsdesk.status().mode, concurrency: config.WORKER_CONCURRENCY });
  return {
    // Ready only while its index matches the announced knowledge and it takes questions.
    get ready() {
      return worker.state === "ready";
    },
    details: () => ({ worker: worker.id, replica: worker.state }),
    stop: () => worker.stop(),
  };
}, "worker").catch((error: unknown) => {
  console.error("Newsdesk worker stopped on an error:", error);
  process.exit(1);
});
