// What every formatter returns: plain Discord API JSON, sendable by discord.js as is.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed } from "discord.js";
import { LIMITS, fitText } from "./limits.js";

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface ReplyBody {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

export interface ButtonSpec {
  customId: string;
  label: string;
  disabled?: boolean;
}

/** Buttons in rows of five; a button whose custom id would not fit is left out. */
export function buttonRows(buttons: ButtonSpec[]): ButtonRow[] {
  const usable = buttons.filter((b) => b.customId.length <= LIMITS.customId).slice(0, 25);
  const rows: ButtonRow[] = [];
  for (let i = 0; i < usable.length; i += 5) {
    rows.push({
      type: ComponentType.ActionRow,
      components: usable.slice(i, i + 5).map((b) => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: b.customId,
        label: fitText(b.label, LIMITS.buttonLabel),
        disabled: b.disabled ?? false,
      })),
    });
  }
  return rows;
}

/** A reply that is only words (errors, refusals, help). */
export function textReply(text: string): ReplyBody {
  return { content: fitText(text, LIMITS.content), embeds: [], components: [] };
}
