import { SlashCommandBuilder } from "discord.js";
import type { SummaryLength, SummaryResult } from "../../types.js";
import type { Command } from "../command.js";
import { articleLookup } from "../context.js";
import { formatSummary } from "../format/other-replies.js";
import { LIMITS, fitText } from "../format/limits.js";
import { textReply } from "../format/reply-body.js";
import { codeSpan } from "../format/safe-text.js";
import { interactionSink, replyPrivately } from "../interaction-reply.js";
import { queuedReply } from "../queued-reply.js";
import { resolveArticle } from "../article-match.js";
import { queueForWorkers } from "../worker-reply.js";

const LENGTHS: SummaryLength[] = ["short", "medium", "long"];

export default {
  data: new SlashCommandBuilder()
    .setName("summary")
    .setDescription("Summarise one article, or what the articles say about a topic.")
    .addStringOption((o) => o.setName("article").setDescription("The article (start typing its title)").setAutocomplete(true))
    .addStringOption((o) => o.setName("topic").setDescription("A topic across all articles"))
    .addStringOption((o) =>
      o
        .setName("length")
        .setDescription("How long a summary")
        .addChoices(...LENGTHS.map((l) => ({ name: l, value: l }))),
    ),
  // The core's title index, no model work: Discord drops autocomplete answers after 3 s.
  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    const choices = ctx.newsdesk
      .findArticles(typed, LIMITS.choices)
      .filter((m) => m.article.id.length <= LIMITS.choiceValue)
      .map(({ article: a }) => ({ name: fitText(a.title, LIMITS.choiceName), value: a.id }));
    await interaction.respond(choices);
  },
  async execute(interaction, ctx) {
    const article = interaction.options.getString("article")?.trim();
    const topic = interaction.options.getString("topic")?.trim();
    const length = (interaction.options.getString("length") ?? "medium") as SummaryLength;
    if (!LENGTHS.includes(length)) return void (await replyPrivately(interaction, "Length must be short, medium or long."));
    if (!article === !topic) {
      return void (await replyPrivately(interaction, "Give either `article` (pick one from the list) or `topic`, not both."));
    }
    let articleId: string | undefined;
    if (article) {
      const matches = ctx.newsdesk.findArticles(article, LIMITS.choices);
      articleId = resolveArticle(article, matches);
      if (!articleId) {
        const near = matches.slice(0, 3).map(({ article: a }) => `\`${a.id}\` ${a.title}`);
        const hint = near.length ? ` Did you mean:\n${near.join("\n")}` : " `/articles` lists them.";
        return void (await replyPrivately(interaction, fitText(`No article matches “${article}”.${hint}`, LIMITS.content)));
      }
    }
    const id = articleId;
    if (ctx.cluster) {
      const work = { kind: "summary" as const, ...(id ? { articleId: id } : { topic: topic! }), length };
      return queueForWorkers(ctx, ctx.cluster, interaction.user.id, work, interactionSink(interaction, false, ctx), { cooldown: false });
    }
    const job = (): Promise<SummaryResult> =>
      id ? ctx.newsdesk.summarize(id, { length }) : ctx.newsdesk.summarizeTopic(topic!, { length });
    const sink = interactionSink(interaction, false, ctx);
    const done = await queuedReply(ctx.gate, interaction.user.id, job, sink, { cooldown: false });
    if (done.kind === "refused") return;
    if (done.kind === "failed") throw done.error;
    if (done.value.kind === "unknown-article") {
      const closest = done.value.closest.map(codeSpan).join(", ") || "none";
      await sink.deliver(textReply(`No article ${codeSpan(done.value.articleId)}. Closest: ${closest}.`));
      return;
    }
    const lookup = articleLookup(ctx.newsdesk);
    await sink.deliver(formatSummary(done.value, (a) => lookup(a)?.title));
  },
} satisfies Command;
