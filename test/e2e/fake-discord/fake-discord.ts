// A local stand-in for Discord on 127.0.0.1: REST under /api/v10 and the gateway under /gateway.
// It checks what the bot sends the way Discord would (3-second interaction window, one
// acknowledgement, message limits) plus this project's rule that nothing may ping. Every refusal
// is recorded in `problems`, so a test fails when the bot misbehaves.
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway, INTENTS } from "./gateway.js";
import { checkChoices, checkCommands, checkMessage } from "./validate.js";
import { APP_ID, BOT_ID, CHANNEL_ID, TOKEN, USERS, botUser, messageObject, snowflake, userObject, type FakeUser } from "./world.js";
import { interactionPayload, type InteractionSpec } from "./interactions.js";

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

type Handler = (req: IncomingMessage, body: any, params: string[]) => { status: number; json?: unknown };

export class FakeDiscord {
  readonly problems: string[] = [];
  readonly requests: Recorded[] = [];
  readonly interactions = new Map<string, FakeInteraction>();
  readonly channelMessages: any[] = [];
  commandPuts: { route: string; body: any[] }[] = [];
  /** Delay before answering REST calls, to let tests hold a reply in flight. */
  restDelayMs = 0;
  private readonly events = new EventEmitter();
  private readonly server: Server;
  readonly gateway: FakeGateway;
  private port = 0;

  private constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new FakeGateway(() => this.gatewayUrl);
    this.server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/gateway")) return socket.destroy();
      this.gateway.wss.handleUpgrade(req, socket, head, (ws) => this.gateway.wss.emit("connection", ws, req));
    });
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  allProblems(): string[] {
    return [...this.problems, ...this.gateway.problems];
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ---- driving the bot -------------------------------------------------------------------

  /**
   * Dispatches an INTERACTION_CREATE and returns its handle. `late: true` delivers one whose
   * 3-second window has already passed (as after a gateway stall): every answer is refused.
   */
  interact(spec: InteractionSpec, options: { late?: boolean } = {}): FakeInteraction {
    const id = snowflake();
    const token = `itoken-${id}`;
    const createdAt = options.late ? Date.now() - 5000 : Date.now();
    const record: FakeInteraction = { id, token, createdAt, late: options.late ?? false, callbacks: [], original: null, followUps: [] };
    this.interactions.set(token, record);
    this.gateway.send("INTERACTION_CREATE", interactionPayload(id, token, spec));
    return record;
  }

  /** A person posts in a channel; `mentionBot` puts `<@bot>` in front as the client would. */
  post(options: { content: string; from?: FakeUser; mentionBot?: boolean; everyone?: boolean; channelId?: string }) {
    const author = userObject(options.from ?? USERS.alice);
    const content = options.mentionBot ? `<@${BOT_ID}> ${options.content}` : options.content;
    const mentions = options.mentionBot ? [botUser] : [];
    const id = snowflake();
    const message = messageObject({
      id, channelId: options.channelId ?? CHANNEL_ID, author, content, mentions,
      mentionEveryone: options.everyone ?? /@everyone|@here/.test(content),
    });
    // What Discord does: no GuildMessages intent, no event; no Message Content intent, no text
    // unless the message mentions the bot.
    const intents = this.gateway.intents;
    if (!(intents & INTENTS.guildMessages)) return { id, delivered: false };
    const withContent = intents & INTENTS.messageContent || options.mentionBot;
    this.gateway.send("MESSAGE_CREATE", withContent ? message : { ...message, content: "", embeds: [], components: [] });
    return { id, delivered: true, message };
  }

  /** Waits until `test` holds for something the fake recorded; rejects after `ms`. */
  waitFor<T>(test: () => T | undefined | false, ms = 10_000, what = "condition"): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = test();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; problems: ${JSON.stringify(this.allProblems())}`));
      }, ms);
      // Gateway-side changes (resumes) emit nothing, so poll as well.
      const poll = setInterval(check, 10);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.events.off("change", check);
      };
      this.events.on("change", check);
      check();
    });
  }

  /** The interaction's final visible message: an immediate reply or the edit after a deferral. */
  answerOf(i: FakeInteraction, ms?: number): Promise<any> {
    return this.waitFor(() => {
      const last = i.callbacks.at(-1);
      if (!last) return undefined;
      if (last.type === 4 || last.type === 7) return i.original;
      if (last.type === 5 && i.original?.edited) return i.original;
      return undefined;
    }, ms, `a reply to interaction ${i.id}`);
  }

  replyTo(messageId: string, ms?: number): Promise<any> {
    return this.waitFor(() => this.channelMessages.find((m) => m.message_reference?.message_id === messageId), ms, `a reply to message ${messageId}`);
  }

  // ---- REST ------------------------------------------------------------------------------

  private routes: [string, RegExp, Handler][] = [
    ["GET", /^\/gateway\/bot$/, () => ({ status: 200, json: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } })],
    ["POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (_r, body, [id, token]) => this.callback(id!, token!, body)],
    ["PATCH", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (_r, body, [app, token]) => this.editOriginal(app!, token!, body)],
    ["GET", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (_r, _b, [, token]) => this.getOriginal(token!)],
    ["POST", /^\/webhooks\/(\d+)\/([^/]+)$/, (_r, body, [app, token]) => this.followUp(app!, token!, body)],
    ["POST", /^\/channels\/(\d+)\/messages$/, (_r, body, [channel]) => this.createMessage(channel!, body)],
    ["POST", /^\/channels\/(\d+)\/typing$/, () => ({ status: 204 })],
    ["PUT", /^\/applications\/(\d+)\/commands$/, (_r, body, [app]) => this.putCommands(app!, `global`, body)],
    ["PUT", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (_r, body, [app, guild]) => this.putCommands(app!, `guild:${guild}`, body)],
  ];

  private async onRequest(req: IncomingMessage, res: ServerResponse) {
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
    if (this.restDelayMs) await new Promise((r) => setTimeout(r, this.restDelayMs));
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { "content-type": "application/json" });
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
    const result = route[2](req, body, route[1].exec(path)!.slice(1));
    send(result.status, result.json);
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
      i.original = this.asMessage({ content: "", flags: data?.flags ?? 0 });
    } else if (type !== 6) return this.refuse("callback", [`unexpected type ${type}`]);
    i.callbacks.push({ type, data, at: Date.now() });
    return { status: 204 };
  }

  private editOriginal(app: string, token: string, body: any) {
    const i = this.interactions.get(token);
    if (app !== APP_ID || !i || !i.callbacks.length) return { status: 404, json: { code: 10015, message: "Unknown Webhook" } };
    const p = checkMessage(body, { create: false });
    if (p.length) return this.refuse("edit @original", p);
    i.original = { ...this.asMessage({ ...i.original, ...body }), edited: true };
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
    const message = { ...messageObject({ id: snowflake(), channelId: channel, author: botUser, content: body.content ?? "", embeds: body.embeds, components: body.components, reference: body.message_reference }), allowed_mentions: body.allowed_mentions };
    this.channelMessages.push(message);
    return { status: 200, json: message };
  }

  private putCommands(app: string, route: string, body: any) {
    if (app !== APP_ID) return { status: 404, json: { code: 10002, message: "Unknown Application" } };
    const p = checkCommands(body);
    if (p.length) return this.refuse(`PUT commands (${route})`, p);
    this.commandPuts.push({ route, body });
    return { status: 200, json: body.map((c: any) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })) };
  }

  private asMessage(fields: any) {
    const base = messageObject({ id: fields.id ?? snowflake(), channelId: CHANNEL_ID, author: botUser, content: fields.content ?? "", embeds: fields.embeds, components: fields.components, flags: fields.flags, webhookId: APP_ID });
    return { ...base, allowed_mentions: fields.allowed_mentions };
  }
}
