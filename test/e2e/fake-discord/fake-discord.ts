// A local stand-in for Discord on 127.0.0.1: REST under /api/v10 (rest.ts) and the gateway under
// /gateway (gateway.ts), plus what tests use to drive the bot. Every refusal is recorded in
// `problems`, so a test fails when the bot misbehaves.
export type { FakeInteraction, Recorded } from "./rest.js";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway, INTENTS } from "./gateway.js";
import { FakeRest, type FakeInteraction } from "./rest.js";
import { BOT_ID, CHANNEL_ID, GUILD_ID, USERS, botUser, messageObject, snowflake, userObject, type FakeUser } from "./world.js";
import { interactionPayload, type InteractionSpec } from "./interactions.js";

export class FakeDiscord extends FakeRest {
  private readonly server: Server;
  readonly gateway: FakeGateway;
  private port = 0;

  private constructor() {
    super();
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.gateway = new FakeGateway(() => this.gatewayUrl);
    this.server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/gateway") || this.gateway.down) return socket.destroy();
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

  protected threadCreated(thread: any): void {
    this.gateway.send("THREAD_CREATE", thread, thread.guild_id);
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
  interact(
    spec: InteractionSpec,
    options: { late?: boolean; alter?: (payload: any) => void; guildId?: string; channelId?: string } = {},
  ): FakeInteraction {
    const id = snowflake();
    const token = `itoken-${id}`;
    const createdAt = options.late ? Date.now() - 5000 : Date.now();
    const record: FakeInteraction = { id, token, createdAt, late: options.late ?? false, callbacks: [], original: null, followUps: [] };
    this.interactions.set(token, record);
    const where = { guildId: options.guildId ?? GUILD_ID, channelId: options.channelId ?? CHANNEL_ID };
    const payload = interactionPayload(id, token, spec, where);
    // Hostile or malformed payloads, as a client (or Discord) might send them.
    options.alter?.(payload);
    this.gateway.send("INTERACTION_CREATE", payload, where.guildId);
    return record;
  }

  /**
   * A person posts in a channel (or a thread: its id as `channelId`); `mentionBot` puts `<@bot>` in
   * front as the client would. `replyTo` makes it a reply to that message, pinging its author as the
   * client does unless `replyPing: false`.
   */
  post(options: {
    content: string;
    from?: FakeUser;
    mentionBot?: boolean;
    everyone?: boolean;
    channelId?: string;
    guildId?: string;
    replyTo?: any;
    replyPing?: boolean;
  }) {
    const author = userObject(options.from ?? USERS.alice);
    const content = options.mentionBot ? `<@${BOT_ID}> ${options.content}` : options.content;
    const replyPing = options.replyTo && options.replyPing !== false && options.replyTo.author?.id === BOT_ID;
    const mentions = options.mentionBot || replyPing ? [botUser] : [];
    const id = snowflake();
    const message = messageObject({
      id,
      channelId: options.channelId ?? CHANNEL_ID,
      author,
      content,
      mentions,
      mentionEveryone: options.everyone ?? /@everyone|@here/.test(content),
      guildId: options.guildId,
      ...(options.replyTo && {
        type: 19,
        reference: {
          type: 0,
          message_id: options.replyTo.id,
          channel_id: options.replyTo.channel_id,
          guild_id: options.guildId ?? GUILD_ID,
        },
      }),
    });
    // Discord sends the replied-to message along with a reply.
    if (options.replyTo) Object.assign(message, { referenced_message: options.replyTo });
    // What Discord does: no GuildMessages intent, no event; no Message Content intent, no text
    // unless the message mentions the bot.
    const intents = this.gateway.intents;
    if (!(intents & INTENTS.guildMessages)) return { id, delivered: false };
    const withContent = intents & INTENTS.messageContent || options.mentionBot || replyPing;
    const event = withContent ? message : { ...message, content: "", embeds: [], components: [] };
    this.gateway.send("MESSAGE_CREATE", event, options.guildId ?? GUILD_ID);
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
    return this.waitFor(
      () => {
        const last = i.callbacks.at(-1);
        if (!last) return undefined;
        if (last.type === 4 || last.type === 7) return i.original;
        if (last.type === 5 && i.original?.edited) return i.original;
        return undefined;
      },
      ms,
      `a reply to interaction ${i.id}`,
    );
  }

  replyTo(messageId: string, ms?: number): Promise<any> {
    return this.waitFor(
      () => this.channelMessages.find((m) => m.message_reference?.message_id === messageId),
      ms,
      `a reply to message ${messageId}`,
    );
  }
}
