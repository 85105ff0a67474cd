import { describe, expect, it } from "vitest";
import { BOT_PERMISSIONS, inviteUrl } from "../../../src/discord/invite.js";

describe("inviteUrl", () => {
  it("asks for bot + applications.commands and only the five permissions the bot uses", () => {
    // View Channels 1<<10, Send Messages 1<<11, Embed Links 1<<14, Read Message History 1<<16, Send Messages in Threads 1<<38.
    expect(BOT_PERMISSIONS).toBe((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 35n) | (1n << 38n));
    expect(BOT_PERMISSIONS.toString()).toBe("309237730304");
    const url = new URL(inviteUrl("123456789012345678"));
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    expect(url.searchParams.get("permissions")).toBe("309237730304");
  });
});
