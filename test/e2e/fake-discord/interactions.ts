// INTERACTION_CREATE payloads as Discord sends them for slash commands, autocomplete, buttons
// and the message context menu.
import {
  APP_ID,
  CHANNEL_ID,
  GUILD_ID,
  USERS,
  botUser,
  channelObject,
  memberObject,
  messageObject,
  snowflake,
  userObject,
  type FakeUser,
} from "./world.js";

type OptionValue = string | number | boolean;

export type InteractionSpec =
  | { kind: "slash"; name: string; options?: Record<string, OptionValue>; from?: FakeUser }
  | { kind: "autocomplete"; name: string; focused: string; value: string; options?: Record<string, OptionValue>; from?: FakeUser }
  | { kind: "button"; customId: string; message?: any; from?: FakeUser }
  | { kind: "message-menu"; name: string; target: { content: string; from?: FakeUser }; from?: FakeUser };

const OPTION_TYPE = { string: 3, number: 10, boolean: 5 } as const;

function options(values: Record<string, OptionValue> = {}, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: OPTION_TYPE[typeof value as "string" | "number" | "boolean"],
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

export function interactionPayload(id: string, token: string, spec: InteractionSpec, where = { guildId: GUILD_ID, channelId: CHANNEL_ID }) {
  const from = spec.from ?? USERS.alice;
  const base = {
    id,
    token,
    application_id: APP_ID,
    guild_id: where.guildId,
    channel_id: where.channelId,
    channel: channelObject(where.channelId, "news", where.guildId),
    member: memberObject(from),
    version: 1,
    app_permissions: String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n)),
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": where.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
  switch (spec.kind) {
    case "slash":
      return { ...base, type: 2, data: { id: snowflake(), name: spec.name, type: 1, options: options(spec.options) } };
    case "autocomplete":
      return {
        ...base,
        type: 4,
        data: {
          id: snowflake(),
          name: spec.name,
          type: 1,
          options: options({ ...spec.options, [spec.focused]: spec.value }, spec.focused),
        },
      };
    case "button":
      return {
        ...base,
        type: 3,
        message: spec.message ?? messageObject({ id: snowflake(), channelId: CHANNEL_ID, author: botUser, content: "" }),
        data: { custom_id: spec.customId, component_type: 2 },
      };
    case "message-menu": {
      const target = messageObject({
        id: snowflake(),
        channelId: CHANNEL_ID,
        author: userObject(spec.target.from ?? USERS.bob),
        content: spec.target.content,
      });
      return {
        ...base,
        type: 2,
        data: { id: snowflake(), name: spec.name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
      };
    }
  }
}
