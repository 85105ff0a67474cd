// The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, and
// dispatching events only to a connection whose intents allow them.
import type { IncomingMessage } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { BOT_ID, GUILD_ID, TOKEN, botUser, guildObject } from "./world.js";

export const INTENTS = { guilds: 1 << 0, guildMessages: 1 << 9, messageContent: 1 << 15 } as const;

interface Session {
  socket: WebSocket;
  id: string;
  intents: number;
  seq: number;
}

export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly problems: string[] = [];
  identifies: { intents: number; token: string }[] = [];
  resumes = 0;
  /** Whether the application has the Message Content intent switched on in the portal. */
  allowMessageContent = true;
  private session: Session | null = null;
  private waiters: (() => void)[] = [];

  constructor(private readonly url: () => string) {
    this.wss.on("connection", (socket, req) => this.onConnection(socket, req));
  }

  get intents(): number {
    return this.session?.intents ?? 0;
  }

  get connected(): boolean {
    return this.session?.socket.readyState === 1;
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
      this.identifies.push({ intents: frame.d.intents, token: frame.d.token });
      if (frame.d.token !== TOKEN) return socket.close(4004, "Authentication failed");
      if (frame.d.intents & INTENTS.messageContent && !this.allowMessageContent) return socket.close(4014, "Disallowed intent(s).");
      const session: Session = { socket, id: `session-${Date.now()}`, intents: frame.d.intents, seq: 0 };
      this.session = session;
      this.send("READY", {
        v: 10,
        user: botUser,
        user_settings: {},
        guilds: [{ id: GUILD_ID, unavailable: true }],
        session_id: session.id,
        resume_gateway_url: this.url(),
        shard: [0, 1],
        application: { id: BOT_ID, flags: 0 },
      });
      if (session.intents & INTENTS.guilds) this.send("GUILD_CREATE", guildObject());
      this.waiters.splice(0).forEach((w) => w());
      return;
    }
    if (frame.op === 6) {
      if (frame.d.token !== TOKEN || !this.session || frame.d.session_id !== this.session.id) {
        return socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
      this.resumes++;
      this.session.socket = socket;
      this.send("RESUMED", {});
      this.waiters.splice(0).forEach((w) => w());
      return;
    }
    this.problems.push(`unexpected gateway op ${frame.op}`);
  }

  /** Resolves once a session is identified or resumed on an open socket. */
  ready(): Promise<void> {
    return this.connected ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  send(t: string, d: unknown): void {
    const s = this.session;
    if (!s || s.socket.readyState !== 1) {
      this.problems.push(`dispatch ${t} with no open gateway session`);
      return;
    }
    s.seq++;
    s.socket.send(JSON.stringify({ op: 0, t, s: s.seq, d }));
  }

  /** Until when new gateway connections are refused (an outage); 0 when up. */
  downUntil = 0;

  get down(): boolean {
    return Date.now() < this.downUntil;
  }

  /** An outage: the socket dies without a close frame and reconnects are refused for `ms`. */
  outage(ms: number): void {
    this.downUntil = Date.now() + ms;
    this.session?.socket.terminate();
  }

  /** Drop the connection as Discord does during its restarts; the client should resume. */
  drop(code = 4000): void {
    this.session?.socket.close(code, "fake outage");
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
