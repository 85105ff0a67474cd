// Routes each interaction to its command or button, and turns failures into a private notice.
// Every interaction that can be answered is answered: an unknown command, a forged or stale
// button id and any other component get a short private reply, never "This interaction failed".
import type { Interaction } from "discord.js";
import { DeliveryError } from "../../errors.js";
import { NO_MENTIONS, WENT_WRONG } from "../answer-flow.js";
import type { CommandRegistry } from "../command.js";
import type { BotContext } from "../context.js";
import { parseCustomId } from "../format/custom-id.js";
import { formatArticlesPage } from "../format/other-replies.js";
import { safeBody } from "../format/safe-text.js";
import { replyPrivately, reportFailure } from "../interaction-reply.js";
import { onFollowUpButton } from "../open-thread.js";
import { showPassage } from "../show-passage.js";

export const EXPIRED_BUTTON = "This button has expired. Ask again for a fresh answer.";
export const UNKNOWN_COMMAND = "That command is not available any more. Type / to see the current ones.";

export async function onInteraction(interaction: Interaction, registry: CommandRegistry, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const command = registry.slash.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, ctx);
      else await interaction.respond([]);
    } else if (interaction.isChatInputCommand()) {
      const command = registry.slash.get(interaction.commandName);
      if (!command) {
        ctx.logger.warn("unknown command; run npm run deploy-commands", { name: interaction.commandName.slice(0, 100) });
        return void (await replyPrivately(interaction, UNKNOWN_COMMAND));
      }
      ctx.logger.debug("command", { name: interaction.commandName, user: interaction.user.id });
      await command.execute(interaction, ctx);
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = registry.message.get(interaction.commandName);
      if (!command) return void (await replyPrivately(interaction, UNKNOWN_COMMAND));
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      const action = parseCustomId(interaction.customId);
      if (action.kind === "passage") await showPassage(interaction, action.passageId, ctx, true);
      else if (action.kind === "follow-up") await onFollowUpButton(interaction, ctx);
      else if (action.kind === "articles") {
        await interaction.update({ ...safeBody(formatArticlesPage(ctx.newsdesk.articles(), action.page)), allowedMentions: NO_MENTIONS });
      } else {
        ctx.logger.warn("unknown button", { customId: interaction.customId.slice(0, 100) });
        await replyPrivately(interaction, EXPIRED_BUTTON);
      }
    } else if (interaction.isRepliable()) {
      // Select menus, modals and commands of kinds this bot never registered.
      ctx.logger.warn("unexpected interaction", { type: interaction.type });
      await replyPrivately(interaction, EXPIRED_BUTTON);
    }
  } catch (error) {
    if (error instanceof DeliveryError) {
      // Retried until the token expired: reporting would fail the same way.
      return ctx.logger.error("answer lost: Discord did not take it before the interaction expired", { error, id: interaction.id });
    }
    ctx.logger.error("interaction failed", { error, type: interaction.type, id: interaction.id });
    if (interaction.isRepliable()) {
      await reportFailure(interaction, WENT_WRONG, ctx).catch((e: unknown) => ctx.logger.warn("could not report failure", { error: e }));
    }
  }
}
