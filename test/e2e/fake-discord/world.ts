// The small world the fake Discord serves: one guild, one text channel, the bot and two people.
// Shapes follow Discord's API v10 objects closely enough for discord.js to build its structures.

let counter = 0n;
const DISCORD_EPOCH = 1420070400000n;
/** Snowflakes as Discord makes them (creation time in the top bits), unique within a run. */
export function snowflake(): string {
  counter += 1n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (counter & 0x3fffffn));
}

export const BOT_ID = "1400000000000000001";
export const APP_ID = BOT_ID;
export const GUILD_ID = "1400000000000000100";
export const CHANNEL_ID = "1400000000000000200";
export const ASK_CHANNEL_ID = "1400000000000000201";
/** A second server, on shard 1 of 2 (the first is on shard 0), for sharded runs. */
export const GUILD_2_ID = "1400000000004194404";
export const CHANNEL_2_ID = "1400000000004194504";

export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

export const GUILDS: FakeGuild[] = [
  {
    id: GUILD_ID,
    name: "Newsroom",
    channels: [
      { id: CHANNEL_ID, name: "news" },
      { id: ASK_CHANNEL_ID, name: "ask-the-news" },
    ],
  },
  { id: GUILD_2_ID, name: "Second newsroom", channels: [{ id: CHANNEL_2_ID, name: "news" }] },
];

/** The shard that receives a guild's events: Discord's (guild_id >> 22) % shard count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}
/** Discord tokens start with the base64 of the bot's id. */
export const TOKEN = `${Buffer.from(BOT_ID).toString("base64")}.fake.e2e-token`;

const MANAGE_GUILD = 1n << 5n;
const BASIC = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 38n); // view, send, embed, history, threads

export interface FakeUser {
  id: string;
  username: string;
  permissions: bigint;
}

export const USERS = {
  alice: { id: "1400000000000000301", username: "alice", permissions: BASIC },
  bob: { id: "1400000000000000302", username: "bob", permissions: BASIC },
  admin: { id: "1400000000000000303", username: "admin", permissions: BASIC | MANAGE_GUILD },
} satisfies Record<string, FakeUser>;

export function userObject(u: { id: string; username: string }, bot = false) {
  return { id: u.id, username: u.username, global_name: null, discriminator: "0", avatar: null, bot, flags: 0, public_flags: 0 };
}

export const botUser = userObject({ id: BOT_ID, username: "Newsdesk" }, true);

export function memberObject(u: FakeUser) {
  return {
    user: userObject(u),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: "2026-01-01T00:00:00.000Z",
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    permissions: String(u.permissions),
  };
}

export function channelObject(id: string, name: string, guildId = GUILD_ID) {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** A public thread started on a message: it has the message's id. */
export function threadObject(fields: { id: string; parentId: string; guildId?: string; name: string; ownerId: string }) {
  return {
    id: fields.id,
    type: 11,
    guild_id: fields.guildId ?? GUILD_ID,
    parent_id: fields.parentId,
    owner_id: fields.ownerId,
    name: fields.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 60,
      archive_timestamp: new Date().toISOString(),
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
  };
}

export function guildObject(guild: FakeGuild = GUILDS[0]!) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    owner_id: USERS.admin.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    preferred_locale: "en-US",
    features: [],
    application_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    joined_at: "2026-01-01T00:00:00.000Z",
    large: false,
    unavailable: false,
    member_count: 4,
    roles: [
      {
        id: guild.id,
        name: "@everyone",
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: String(BASIC),
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    soundboard_sounds: [],
    channels: guild.channels.map((c) => channelObject(c.id, c.name, guild.id)),
    members: [{ ...memberObject({ id: BOT_ID, username: "Newsdesk", permissions: BASIC }), user: botUser }],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export function messageObject(fields: {
  id: string;
  channelId: string;
  author: ReturnType<typeof userObject>;
  content: string;
  mentions?: ReturnType<typeof userObject>[];
  mentionEveryone?: boolean;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  type?: number;
  reference?: unknown;
  webhookId?: string;
  guildId?: string;
}) {
  return {
    id: fields.id,
    type: fields.type ?? 0,
    channel_id: fields.channelId,
    guild_id: fields.guildId ?? GUILD_ID,
    author: fields.author,
    content: fields.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: fields.mentionEveryone ?? false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    flags: fields.flags ?? 0,
    ...(fields.reference ? { message_reference: fields.reference } : {}),
    ...(fields.webhookId ? { webhook_id: fields.webhookId, application_id: APP_ID } : {}),
  };
}
