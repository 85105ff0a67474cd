// Routes each interaction to its command or button, and turns failures into a private notice.
import type { Interaction } from "discord.js";
import { NO_MENTIONS, WENT_WRONG } from "../answer-flow.js";
import type { CommandRegistry } from "../command.js";
import type { BotContext } from "../context.js";
import { parseCustomId } from "../format/custom-id.js";
import { formatArticlesPage } from "../format/other-replies.js";
import { reportFailure } from "../interaction-reply.js";
import { showPassage } from "../show-passage.js";

export async function onInteraction(interaction: Interaction, registry: CommandRegistry, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      await registry.slash.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
    } else if (interaction.isChatInputCommand()) {
      const command = registry.slash.get(interaction.commandName);
      if (!command) return ctx.logger.warn("unknown command; run npm run deploy-commands", { name: interaction.commandName });
      ctx.logger.debug("command", { name: interaction.commandName, user: interaction.user.id });
      await command.execute(interaction, ctx);
    } else if (interaction.isMessageContextMenuCommand()) {
      await registry.message.get(interaction.commandName)?.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      const action = parseCustomId(interaction.customId);
      if (action.kind === "passage") await showPassage(interaction, action.passageId, ctx, true);
      else if (action.kind === "articles") {
        await interaction.update({ ...formatArticlesPage(ctx.newsdesk.articles(), action.page), allowedMentions: NO_MENTIONS });
      } else ctx.logger.warn("unknown button; ignored", { customId: interaction.customId.slice(0, 100) });
    }
  } catch (error) {
    ctx.logger.error("interaction failed", { error, type: interaction.type, id: interaction.id });
    if (interaction.isRepliable()) {
      await reportFailure(interaction, WENT_WRONG).catch((e: unknown) => ctx.logger.warn("could not report failure", { error: e }));
    }
  }
}
