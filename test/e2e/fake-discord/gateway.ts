// The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, and
// dispatching events only to a connection whose intents allow them. Sharded like Discord: each
// IDENTIFY names [shard id, shard count], and a guild's events go to shard (guild_id >> 22) % count.
import type { IncomingMessage } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { GUILDS, TOKEN, botUser, guildObject, shardOf } from "./world.js";

export const INTENTS = { guilds: 1 << 0, guildMessages: 1 << 9, messageContent: 1 << 15 } as const;

interface Session {
  socket: WebSocket;
  id: string;
  intents: number;
  seq: number;
  shard: [number, number];
}

export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly problems: string[] = [];
  identifies: { intents: number; token: string; shard: [number, number] }[] = [];
  resumes = 0;
  /** Whether the application has the Message Content intent switched on in the portal. */
  allowMessageContent = true;
  /** Sessions by shard id. */
  private sessions = new Map<number, Session>();
  private waiters: (() => void)[] = [];

  constructor(private readonly url: () => string) {
    this.wss.on("connection", (socket, req) => this.onConnection(socket, req));
  }

  private get first(): Session | undefined {
    return this.sessions.get(0) ?? [...this.sessions.values()][0];
  }

  get intents(): number {
    return this.first?.intents ?? 0;
  }

  /** Every identified shard's socket is open (and at least one shard identified). */
  get connected(): boolean {
    return this.sessions.size > 0 && [...this.sessions.values()].every((s) => s.socket.readyState === 1);
  }

  /** Shard ids with an open session. */
  connectedShards(): number[] {
    return [...this.sessions.values()]
      .filter((s) => s.socket.readyState === 1)
      .map((s) => s.shard[0])
      .sort();
  }

  private onConnection(socket: WebSocket, req: IncomingMessage) {
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    if (query.get("v") !== "10" || query.get("encoding") !== "json") this.problems.push(`gateway opened with ${req.url}`);
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    socket.on("message", (raw) => this.onFrame(socket, JSON.parse(String(raw))));
  }

  private onFrame(socket: WebSocket, frame: { op: number; d: any }) {
    if (frame.op === 1) return socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (frame.op === 2) {
      const shard: [number, number] = frame.d.shard ?? [0, 1];
      this.identifies.push({ intents: frame.d.intents, token: frame.d.token, shard });
      if (frame.d.token !== TOKEN) return socket.close(4004, "Authentication failed");
      if (frame.d.intents & INTENTS.messageContent && !this.allowMessageContent) return socket.close(4014, "Disallowed intent(s).");
      if (shard[0] >= shard[1]) return socket.close(4010, "Invalid shard");
      const session: Session = { socket, id: `session-${shard[0]}-${Date.now()}`, intents: frame.d.intents, seq: 0, shard };
      this.sessions.set(shard[0], session);
      // The second server exists only in sharded runs, so one-shard tests see the one server they expect.
      const guilds = (shard[1] > 1 ? GUILDS : GUILDS.slice(0, 1)).filter((g) => shardOf(g.id, shard[1]) === shard[0]);
      this.dispatch(session, "READY", {
        v: 10,
        user: botUser,
        user_settings: {},
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: this.url(),
        shard,
        application: { id: botUser.id, flags: 0 },
      });
      if (session.intents & INTENTS.guilds) for (const g of guilds) this.dispatch(session, "GUILD_CREATE", guildObject(g));
      this.wakeIfAllUp();
      return;
    }
    if (frame.op === 6) {
      const session = [...this.sessions.values()].find((s) => s.id === frame.d.session_id);
      if (frame.d.token !== TOKEN || !session) return socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      this.resumes++;
      session.socket = socket;
      this.dispatch(session, "RESUMED", {});
      this.wakeIfAllUp();
      return;
    }
    this.problems.push(`unexpected gateway op ${frame.op}`);
  }

  private wakeIfAllUp() {
    if (this.connected) this.waiters.splice(0).forEach((w) => w());
  }

  /** Resolves once every identified shard has an open session. */
  ready(): Promise<void> {
    return this.connected ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  /** Dispatches to the shard that holds `guildId` (the first guild when absent), as Discord routes events. */
  send(t: string, d: unknown, guildId: string = GUILDS[0]!.id): void {
    const count = this.first?.shard[1] ?? 1;
    const s = this.sessions.get(shardOf(guildId, count));
    if (!s || s.socket.readyState !== 1) {
      this.problems.push(`dispatch ${t} with no open gateway session`);
      return;
    }
    this.dispatch(s, t, d);
  }

  private dispatch(s: Session, t: string, d: unknown) {
    s.seq++;
    s.socket.send(JSON.stringify({ op: 0, t, s: s.seq, d }));
  }

  /** Until when new gateway connections are refused (an outage); 0 when up. */
  downUntil = 0;

  get down(): boolean {
    return Date.now() < this.downUntil;
  }

  /** An outage: the sockets die without a close frame and reconnects are refused for `ms`. */
  outage(ms: number): void {
    this.downUntil = Date.now() + ms;
    for (const s of this.sessions.values()) s.socket.terminate();
  }

  /** Drop the connections as Discord does during its restarts; the clients should resume. */
  drop(code = 4000): void {
    for (const s of this.sessions.values()) s.socket.close(code, "fake outage");
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
