// The REST half of the fake Discord: the routes the bot calls, each checked as Discord would
// (3-second interaction window, one acknowledgement, message limits) plus the no-pings rule.
import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkChoices, checkCommands, checkMessage } from "./validate.js";
import { APP_ID, CHANNEL_ID, TOKEN, botUser, messageObject, snowflake, threadObject } from "./world.js";

export interface Recorded {
  method: string;
  path: string;
  body: any;
  at: number;
}

export interface FakeInteraction {
  id: string;
  token: string;
  createdAt: number;
  late: boolean;
  /** Callback types in order (5 = deferred, 4 = message, 7 = update, 8 = autocomplete). */
  callbacks: { type: number; data: any; at: number }[];
  /** The message as it stands after the callback, edits and follow-ups. */
  original: any | null;
  followUps: any[];
}

const LOADING = 1 << 7;
const HAS_THREAD = 1 << 5;

type Handler = (req: IncomingMessage, body: any, params: string[]) => { status: number; json?: unknown };

/**
 * An injected failure: requests matching `method` and `path` get `status` (with Retry-After for a
 * 429) while the fault is live. `applied: true` runs the route first and then reports the failure,
 * as when Discord stores a message but the response is lost: a blind retry would send it twice.
 */
export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  retryAfterS?: number;
  /** Live until this time (ms since epoch) … */
  until?: number;
  /** … or for this many matching requests. */
  times?: number;
  applied?: boolean;
  /** How many requests it has answered. */
  hits: number;
}

export abstract class FakeRest {
  readonly problems: string[] = [];
  readonly requests: Recorded[] = [];
  readonly interactions = new Map<string, FakeInteraction>();
  readonly channelMessages: any[] = [];
  commandPuts: { route: string; body: any[] }[] = [];
  /** Threads started on messages (POST /channels/:id/messages/:id/threads), by id (= the message's). */
  readonly threads = new Map<string, any>();
  /** Shards GET /gateway/bot recommends. */
  shardCount = 1;
  /** Delay before answering REST calls, to let tests hold a reply in flight. */
  restDelayMs = 0;
  /** Per-request delay (ms), e.g. random 2–5 s latency; added to `restDelayMs`. */
  latency: ((method: string, path: string) => number) | null = null;
  readonly faults: Fault[] = [];
  protected readonly events = new EventEmitter();

  abstract get gatewayUrl(): string;

  /** Discord tells the gateway about a new thread (THREAD_CREATE). */
  protected abstract threadCreated(thread: any): void;

  private routes: [string, RegExp, Handler][] = [
    [
      "GET",
      /^\/gateway\/bot$/,
      () => ({
        status: 200,
        json: {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 },
        },
      }),
    ],
    ["POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (_r, body, [id, token]) => this.callback(id!, token!, body)],
    ["PATCH", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (_r, body, [app, token]) => this.editOriginal(app!, token!, body)],
    ["GET", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (_r, _b, [, token]) => this.getOriginal(token!)],
    ["POST", /^\/webhooks\/(\d+)\/([^/]+)$/, (_r, body, [app, token]) => this.followUp(app!, token!, body)],
    ["POST", /^\/channels\/(\d+)\/messages$/, (_r, body, [channel]) => this.createMessage(channel!, body)],
    ["POST", /^\/channels\/(\d+)\/typing$/, () => ({ status: 204 })],
    ["GET", /^\/channels\/(\d+)\/messages\/(\d+)$/, (_r, _b, [channel, id]) => this.getMessage(channel!, id!)],
    ["POST", /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, (_r, body, [channel, id]) => this.startThread(channel!, id!, body)],
    ["PUT", /^\/applications\/(\d+)\/commands$/, (_r, body, [app]) => this.putCommands(app!, `global`, body)],
    ["PUT", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (_r, body, [app, guild]) => this.putCommands(app!, `guild:${guild}`, body)],
  ];

  protected async onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? "/", "http://x");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    let body: any = null;
    if (raw) {
      if (!String(req.headers["content-type"]).startsWith("application/json")) this.problems.push(`${req.method} ${path}: not JSON`);
      else body = JSON.parse(raw);
    }
    this.requests.push({ method: req.method!, path, body, at: Date.now() });
    const delay = this.restDelayMs + (this.latency?.(req.method!, path) ?? 0);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, json === undefined ? headers : { "content-type": "application/json", ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.events.emit("change");
    };
    if (!url.pathname.startsWith("/api/v10/")) {
      this.problems.push(`request outside /api/v10: ${req.method} ${url.pathname}`);
      return send(404, { message: "404: Not Found", code: 0 });
    }
    const route = this.routes.find(([m, re]) => m === req.method && re.test(path));
    if (!route) {
      this.problems.push(`unexpected request ${req.method} ${path}`);
      return send(404, { message: "404: Not Found", code: 0 });
    }
    const webhook = path.startsWith("/interactions/") || path.startsWith("/webhooks/");
    if (!webhook && req.headers.authorization !== `Bot ${TOKEN}`) return send(401, { message: "401: Unauthorized", code: 0 });
    const fault = this.liveFault(req.method!, path);
    if (fault && !fault.applied) return send(...faultResponse(fault));
    const result = route[2](req, body, route[1].exec(path)!.slice(1));
    if (fault) return send(...faultResponse(fault));
    send(result.status, result.json);
  }

  /** Fail requests matching `path` (and `method`) for `forMs` or for `times` requests. */
  fail(fault: { method?: string; path: RegExp; status: number; retryAfterS?: number; forMs?: number; times?: number; applied?: boolean }) {
    const { forMs, ...rest } = fault;
    const f: Fault = { ...rest, until: forMs === undefined ? undefined : Date.now() + forMs, hits: 0 };
    this.faults.push(f);
    return f;
  }

  private liveFault(method: string, path: string): Fault | undefined {
    const now = Date.now();
    const f = this.faults.find(
      (x) =>
        (!x.method || x.method === method) &&
        x.path.test(path) &&
        (x.until === undefined || now < x.until) &&
        (x.times === undefined || x.hits < x.times),
    );
    if (f) f.hits++;
    return f;
  }

  private refuse(where: string, problems: string[]) {
    this.problems.push(...problems.map((p) => `${where}: ${p}`));
    return { status: 400, json: { code: 50035, message: "Invalid Form Body", errors: problems } };
  }

  private callback(id: string, token: string, body: any) {
    const i = this.interactions.get(token);
    if (!i || i.id !== id) return { status: 404, json: { code: 10062, message: "Unknown interaction" } };
    if (Date.now() - i.createdAt > 3000) {
      if (!i.late) this.problems.push(`interaction ${id} acknowledged after ${Date.now() - i.createdAt} ms (Discord allows 3 s)`);
      return { status: 404, json: { code: 10062, message: "Unknown interaction" } };
    }
    if (i.callbacks.length) return { status: 400, json: { code: 40060, message: "Interaction has already been acknowledged." } };
    const { type, data } = body;
    if (type === 4 || type === 7) {
      const p = checkMessage(data ?? {}, { create: type === 4 });
      if (p.length) return this.refuse(`callback ${type}`, p);
      i.original = this.asMessage({ ...(i.original ?? {}), ...data });
    } else if (type === 8) {
      const p = checkChoices(data?.choices);
      if (p.length) return this.refuse("autocomplete", p);
    } else if (type === 5) {
      // Discord shows a deferred response as "thinking": the LOADING flag, cleared by the first edit.
      i.original = this.asMessage({ content: "", flags: (data?.flags ?? 0) | LOADING });
    } else if (type !== 6) return this.refuse("callback", [`unexpected type ${type}`]);
    i.callbacks.push({ type, data, at: Date.now() });
    return { status: 204 };
  }

  private editOriginal(app: string, token: string, body: any) {
    const i = this.interactions.get(token);
    if (app !== APP_ID || !i || !i.callbacks.length) return { status: 404, json: { code: 10015, message: "Unknown Webhook" } };
    const p = checkMessage(body, { create: false });
    if (p.length) return this.refuse("edit @original", p);
    const flags = (i.original?.flags ?? 0) & ~LOADING;
    i.original = { ...this.asMessage({ ...i.original, ...body, flags }), edited: true };
    return { status: 200, json: i.original };
  }

  private getOriginal(token: string) {
    const i = this.interactions.get(token);
    return i?.original ? { status: 200, json: i.original } : { status: 404, json: { code: 10008, message: "Unknown Message" } };
  }

  private followUp(app: string, token: string, body: any) {
    const i = this.interactions.get(token);
    if (app !== APP_ID || !i || !i.callbacks.length) return { status: 404, json: { code: 10015, message: "Unknown Webhook" } };
    const p = checkMessage(body, { create: true });
    if (p.length) return this.refuse("follow-up", p);
    const message = this.asMessage(body);
    i.followUps.push(message);
    return { status: 200, json: message };
  }

  private createMessage(channel: string, body: any) {
    const p = checkMessage(body, { create: true });
    if (p.length) return this.refuse("channel message", p);
    // Discord: with enforce_nonce, a nonce seen from the same author in the last few minutes
    // returns the message already made instead of making another.
    if (body.enforce_nonce && body.nonce !== undefined) {
      const same = this.channelMessages.find((m) => m.nonce === body.nonce && m.channel_id === channel);
      if (same) return { status: 200, json: same };
    }
    const ref = body.message_reference?.message_id;
    if (ref && this.channelMessages.some((m) => m.message_reference?.message_id === ref)) {
      this.problems.push(`message ${ref} answered twice`);
    }
    const message = {
      ...messageObject({
        id: snowflake(),
        channelId: channel,
        author: botUser,
        content: body.content ?? "",
        embeds: body.embeds,
        components: body.components,
        reference: body.message_reference,
      }),
      allowed_mentions: body.allowed_mentions,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    };
    this.channelMessages.push(message);
    return { status: 200, json: message };
  }

  /** Every message the bot's REST calls made: channel messages and interaction responses. */
  private findMessage(id: string): any | undefined {
    const inChannel = this.channelMessages.find((m) => m.id === id);
    if (inChannel) return inChannel;
    for (const i of this.interactions.values()) if (i.original?.id === id) return i.original;
    return undefined;
  }

  private getMessage(channel: string, id: string) {
    const message = this.findMessage(id);
    if (!message || message.channel_id !== channel) return { status: 404, json: { code: 10008, message: "Unknown Message" } };
    return { status: 200, json: message };
  }

  private startThread(channel: string, id: string, body: any) {
    const message = this.findMessage(id);
    if (!message || message.channel_id !== channel) return { status: 404, json: { code: 10008, message: "Unknown Message" } };
    if (this.threads.has(id)) return { status: 400, json: { code: 160004, message: "A thread has already been created for this message" } };
    if (typeof body?.name !== "string" || body.name.length < 1 || body.name.length > 100)
      return this.refuse("start thread", ["name must be 1–100 characters"]);
    const thread = threadObject({ id, parentId: channel, guildId: message.guild_id, name: body.name, ownerId: botUser.id });
    this.threads.set(id, thread);
    // Discord marks the message HAS_THREAD and shows the thread on it.
    message.flags = (message.flags ?? 0) | HAS_THREAD;
    message.thread = thread;
    this.threadCreated({ ...thread, newly_created: true });
    return { status: 201, json: thread };
  }

  private putCommands(app: string, route: string, body: any) {
    if (app !== APP_ID) return { status: 404, json: { code: 10002, message: "Unknown Application" } };
    const p = checkCommands(body);
    if (p.length) return this.refuse(`PUT commands (${route})`, p);
    this.commandPuts.push({ route, body });
    return { status: 200, json: body.map((c: any) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })) };
  }

  private asMessage(fields: any) {
    const base = messageObject({
      id: fields.id ?? snowflake(),
      channelId: CHANNEL_ID,
      author: botUser,
      content: fields.content ?? "",
      embeds: fields.embeds,
      components: fields.components,
      flags: fields.flags,
      webhookId: APP_ID,
    });
    return { ...base, allowed_mentions: fields.allowed_mentions };
  }
}

function faultResponse(f: Fault): [number, unknown, Record<string, string>] {
  if (f.status === 429) {
    const after = f.retryAfterS ?? 1;
    return [
      429,
      { message: "You are being rate limited.", retry_after: after, global: false },
      {
        "retry-after": String(after),
        "x-ratelimit-scope": "user",
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset-after": String(after),
      },
    ];
  }
  return [f.status, { message: `${f.status}: injected fault`, code: 0 }, {}];
}
