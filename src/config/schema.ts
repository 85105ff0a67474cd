import { z } from "zod";

// Every setting Newsdesk reads, with its default. Environment variable names are the keys.
const bool = z.enum(["true", "false", "1", "0", "yes", "no", ""]).transform((v) => v === "true" || v === "1" || v === "yes");

const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const positiveInt = z.coerce.number().int().positive();

/** "0-2,5" → [0, 1, 2, 5] */
function shardIds(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to = from] = part.split("-").map(Number) as [number, number?];
    for (let id = from; id <= to!; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

export const configSchema = z.object({
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_APP_ID: z
    .string()
    .regex(/^\d{17,20}$/, "must be a Discord snowflake (17–20 digits)")
    .optional(),
  DEV_GUILD_ID: z
    .string()
    .regex(/^\d{17,20}$/, "must be a Discord snowflake (17–20 digits)")
    .optional(),
  /** Channel ids where every question-like message is answered (needs the Message Content intent). */
  ASK_CHANNELS: list.default([]),
  /** Discord's REST API base URL; unset means Discord itself. For a local test stand-in or a proxy. */
  DISCORD_API_URL: z.string().url().optional(),

  KNOWLEDGE_DIR: z.string().min(1).default("./knowledge"),
  /** Index and model cache; kept outside the knowledge folder, which may be read-only. */
  CACHE_DIR: z.string().min(1).default("./.newsdesk"),
  /** Files larger than this are skipped with a message naming the file and the limit: every per-article
   *  cost (repair, chunking, summaries) stays bounded. 5 MB holds any news article many times over. */
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(5_000_000),

  /** "auto": use the models when they can be had, else lexical. "lexical": never load models. */
  ANSWER_MODE: z.enum(["auto", "lexical"]).default("auto"),
  EMBEDDING_MODEL: z.string().min(1).default("Xenova/bge-small-en-v1.5"),
  QA_MODEL: z.string().min(1).default("Xenova/distilbert-base-cased-distilled-squad"),
  SUMMARY_MODEL: z.string().min(1).default("Xenova/distilbart-cnn-6-6"),
  /** Generated (abstractive) summaries: off by default, heavy for a small VM. */
  GENERATED_SUMMARIES: bool.default(false),
  MODEL_DTYPE: z.enum(["q8", "fp32", "fp16", "q4"]).default("q8"),
  /** A folder of models in the Hugging Face layout (<dir>/<org>/<name>/...); no download when set. */
  LOCAL_MODELS_DIR: z.string().optional(),
  /** Milliseconds to wait for the model hub before answering in lexical mode. */
  MODEL_NETWORK_TIMEOUT_MS: positiveInt.default(3000),
  /** Answers scoring below this are "not found"; unset = the calibrated default of the mode. */
  ANSWER_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  /** The model hub (or a mirror of it) models are downloaded from. */
  MODEL_HUB_URL: z.string().url().default("https://huggingface.co"),

  ASK_COOLDOWN_SECONDS: z.coerce.number().min(0).default(5),
  QUEUE_CONCURRENCY: positiveInt.default(1),
  /** Hard cap on waiting questions; admission is by expected wait (QUEUE_MAX_WAIT_SECONDS). */
  QUEUE_MAX_WAITING: positiveInt.default(1000),
  /** A question is taken when its expected wait (queue length × measured answer time) is within this. */
  QUEUE_MAX_WAIT_SECONDS: z.coerce.number().positive().default(30),
  /** Port for GET /healthz on 127.0.0.1; 0 turns it off. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** How the bot notices changed articles: auto (file-system events, scanning past the system's watch
   *  limit), events, poll (a stat scan), or off. true/false are accepted for auto/off. */
  WATCH_KNOWLEDGE: z
    .enum(["auto", "events", "poll", "off", "true", "false", "1", "0", "yes", "no", ""])
    .transform(
      (v) =>
        (["true", "1", "yes", ""].includes(v) ? "auto" : ["false", "0", "no"].includes(v) ? "off" : v) as
          "auto" | "events" | "poll" | "off",
    )
    .default("auto"),
  /** Least seconds between two scans when WATCH_KNOWLEDGE polls (longer when a scan itself takes long). */
  WATCH_POLL_SECONDS: z.coerce.number().min(1).default(10),
  /** Sub-folder of KNOWLEDGE_DIR that ingested pages go to (as <host>/<slug>.md); empty = the folder itself. */
  INGEST_DIR: z.string().default(""),
  /** An e-mail address or URL named in the User-Agent, so site owners can reach whoever runs this bot. */
  INGEST_CONTACT: z.string().default(""),
  /** Allow fetching private, loopback and link-local addresses (tests, intranets). Off: refused after DNS. */
  INGEST_ALLOW_PRIVATE: bool.default(false),
  /** Whole-request deadline per fetch, redirects included. */
  INGEST_TIMEOUT_MS: positiveInt.default(20_000),
  /** Largest response body read (after decompression); bigger pages are refused. */
  INGEST_MAX_BYTES: positiveInt.default(5_000_000),
  INGEST_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /** Least time between two requests to the same host. */
  INGEST_HOST_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Most article pages taken from one sitemap (its index included). */
  INGEST_SITEMAP_LIMIT: positiveInt.default(500),
  /** Feeds the bot follows from start-up (RSS 2.0 or Atom URLs); /follow adds more at run time. */
  FEEDS: list
    .refine((urls) => urls.every((u) => /^https?:\/\/[^\s/]+/i.test(u) && URL.canParse(u)), {
      message: "must be http(s) URLs, comma-separated",
    })
    .default([]),
  /** At least a minute (polite), at most a week (a longer timer would overflow and fire at once). */
  FEED_INTERVAL_MINUTES: z.coerce.number().min(1).max(10_080).default(30),
  /** Channel id where newly ingested articles are announced; unset = no announcements. */
  ANNOUNCE_CHANNEL: z
    .string()
    .regex(/^\d{17,20}$/, "must be a Discord snowflake (17–20 digits)")
    .optional(),
  /** ONNX Runtime threads per model; unset = every core. One per answer worker when several share a machine. */
  MODEL_THREADS: positiveInt.optional(),

  /** Scale-out (docs/scale-out.md). Unset: one process, in-memory queue and cooldowns, as always. Set
   *  (redis://host:port): gateway shards enqueue on Redis and `npm run worker` processes answer. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")
    .optional(),
  /** Key prefix of everything Newsdesk keeps in Redis: two bots can share one Redis with two prefixes. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w-]{1,40}$/, "must be 1–40 letters, digits, - or _")
    .default("newsdesk"),
  /** Jobs one worker process answers at the same time. */
  WORKER_CONCURRENCY: positiveInt.default(1),
  /** How a worker names itself in /status and logs; unset = host name and process id. */
  WORKER_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "must be 1–64 letters, digits, . : - or _")
    .optional(),
  /** Tries per job (a worker that dies mid-job counts as one); after the last the asker is told. */
  JOB_ATTEMPTS: positiveInt.default(3),
  /** A worker that stops renewing its job lock for this long is taken for dead and its job retried. */
  JOB_LOCK_SECONDS: z.coerce.number().min(1).default(30),
  /** Gateway shards in all (`npm run gateway`): auto asks Discord for its recommendation. */
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d*)$/, "must be auto or a positive whole number")
    .transform((v) => (v === "auto" ? ("auto" as const) : Number(v)))
    .default("auto"),
  /** The shard ids this machine runs, e.g. 0-3 or 0,2; unset = all of them. */
  SHARD_IDS: z
    .string()
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, "must be ids or ranges, e.g. 0-3 or 0,2,4-5")
    .transform(shardIds)
    .optional(),

  /** Follow-up questions (docs/conversations.md): turns remembered per conversation. */
  CONVERSATION_TURNS: z.coerce.number().int().min(1).max(50).default(5),
  /** A conversation quiet this long is forgotten (fractions allowed: 0.5 = 30 s). */
  CONVERSATION_IDLE_MINUTES: z.coerce.number().min(0.01).max(1440).default(15),
  /** In ask channels, a person's question this soon after their previous one follows it up; 0 = never. */
  CONVERSATION_WINDOW_SECONDS: z.coerce.number().min(0).max(86_400).default(120),

  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Config = z.infer<typeof configSchema>;
