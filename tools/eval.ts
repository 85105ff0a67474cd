import path from "node:path";
import { ANSWER_THRESHOLDS } from "../src/answer/answer-defaults.js";
import { UsageError } from "../src/errors.js";
import { formatRepairEval, evalRepair } from "./eval/repair.js";
import { calibrateThreshold } from "./eval/squad2.js";
import { evalSquad } from "./eval/squad.js";
import { evalAskSquad } from "./eval/ask-squad.js";
import { calibrateReplies } from "./eval/calibrate-replies.js";
import { evalSmoke, formatSmoke } from "./eval/smoke.js";
import { formatAskEval } from "./eval/format-ask-eval.js";
import { evalSummaries, formatSummariesTable } from "./eval/summaries.js";
import { evalIngest, formatIngestEval } from "./eval/ingest.js";
import { evalConversations, formatConversations } from "./eval/conversations.js";
import { trainReader } from "./eval/train-reader.js";
import { trainConfidence } from "./eval/train-confidence.js";
import { trainSentences } from "./eval/train-sentences.js";
import { trainRelevance } from "./eval/train-relevance.js";
import { trainSummaries, writeSentenceWeights } from "./eval/train-summaries.js";
import { formatTuneRetrieval, tuneRetrieval } from "./eval/tune-retrieval.js";
import { parseFlags } from "../src/cli/parse-flags.js";
import { runCommand } from "../src/cli/run-command.js";

const USAGE = `Usage: npm run eval -- squad [--limit N] [--off N] [--json]  (through newsdesk.ask, as users get it)
         [--thresholds ANSWER,RELEVANT] [--two-kinds]  (other lexical thresholds; score passage replies as
         not found, as before the passage kind existed)
       npm run eval -- reader [--gold] [--limit N] [--depth N] [--json]  (the lexical reader alone, no reply kinds)
       npm run eval -- smoke [--set FILE] [--knowledge DIR] [--json]  (the shipped smoke set, in the current mode)
       npm run eval -- calibrate             (reply-kind thresholds on the training half; prints them)
       npm run eval -- squad2 [--json]       (calibrates the "not found" threshold on SQuAD 2.0)
       npm run eval -- repair [--json]       (text repair: damage on BBC, fixes on the seed article)
       npm run eval -- summaries [--json]    (precision@3 and ROUGE beside ts-textrank, lead-3 and random, per half)
       npm run eval -- ingest [--limit N] [--json]  (extraction through the ingest path: words recovered, boilerplate added, glued)
       npm run eval -- conversations [--json] (follow-up turns with context vs alone, on a written dialogue set)
       npm run eval -- train-reader          (retrains the lexical span ranker; rewrites src/answer/span-weights.ts, span-tree-model.ts)
       npm run eval -- train-sentences [--dry]  (retrains the lexical sentence ranker; rewrites src/answer/sentence-weights.ts)
       npm run eval -- train-relevance [--dry]  (retrains the reply relevance model; rewrites src/answer/relevance-weights.ts)
       npm run eval -- train-confidence [--dry]  (retrains the span-confidence model; rewrites src/answer/confidence-weights.ts)
       npm run eval -- tune-retrieval [--limit N]  (learns the lexical rerank weights on the SQuAD training half; prints them)
       npm run eval -- train-summaries       (retrains the summary sentence ranker on the BBC tuning half; rewrites src/summarize/sentence-weights.ts)
  --data DIR   the evaluation data (default ../shared/data)
  --cache DIR  where the SQuAD knowledge folder and the eval indexes are kept (default ./.newsdesk)`;

function table(rows: Array<[string, string | number]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${typeof v === "number" ? (Number.isInteger(v) ? v : v.toFixed(3)) : v}`).join("\n");
}

await runCommand(USAGE, async () => {
  const { values, positionals } = parseFlags(process.argv.slice(2), {
    json: { type: "boolean" },
    gold: { type: "boolean" },
    limit: { type: "string" },
    depth: { type: "string" },
    off: { type: "string" },
    thresholds: { type: "string" },
    set: { type: "string" },
    knowledge: { type: "string" },
    "two-kinds": { type: "boolean" },
    dry: { type: "boolean" },
    cache: { type: "string" },
    data: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  const dataDir = path.resolve(values.data ?? "../shared/data");
  const [what] = positionals;
  const print = (result: object, text: string) => process.stdout.write((values.json ? JSON.stringify(result) : text) + "\n");
  const limit = values.limit ? Number(values.limit) : undefined;
  if (limit !== undefined && !(limit > 0)) throw new UsageError("--limit takes a positive number");
  if (what === "squad") {
    const off = values.off ? Number(values.off) : undefined;
    if (off !== undefined && !(off > 0)) throw new UsageError("--off takes a positive number");
    const thresholds = values.thresholds?.split(",").map(Number);
    if (thresholds && !(thresholds.length === 2 && thresholds.every((t) => t >= 0)))
      throw new UsageError("--thresholds takes ANSWER,RELEVANT (two numbers, e.g. 0.39,0.5)");
    const r = await evalAskSquad({
      dataDir,
      workDir: path.resolve(values.cache ?? "./.newsdesk"),
      limit,
      offCorpus: off,
      twoKinds: values["two-kinds"],
      ...(thresholds && {
        newsdesk: { thresholds: { lexical: { answer: thresholds[0]!, relevant: thresholds[1]! } } },
      }),
    });
    print(r, formatAskEval(r));
  } else if (what === "smoke") {
    const r = await evalSmoke(
      path.resolve(values.set ?? "smoke/questions.json"),
      values.knowledge ? { KNOWLEDGE_DIR: values.knowledge } : {},
    );
    print(r, formatSmoke(r));
  } else if (what === "calibrate") {
    const r = await calibrateReplies(dataDir);
    print(r, JSON.stringify(r, null, 2));
  } else if (what === "reader") {
    const depth = values.depth ? Number(values.depth) : undefined;
    if (depth !== undefined && !(depth >= 1)) throw new UsageError("--depth takes a positive number");
    const r = await evalSquad(dataDir, { gold: values.gold, limit, depth });
    print(
      r,
      table([
        ["questions", r.questions],
        ["paragraphs (knowledge)", r.paragraphs],
        ["passages", r.passages],
        ["retrieval recall@1", r.recallAt1],
        ["retrieval recall@5", r.recallAt5],
        ["end-to-end EM", r.exactMatch],
        ["end-to-end F1", r.f1],
        [`held-out EM (${r.heldOut.questions} q, not trained on)`, r.heldOut.exactMatch],
        ["held-out F1", r.heldOut.f1],
        [`held-out sentence accuracy, first passage right (${r.sentence.questions} q)`, r.sentence.accuracy],
        ...(r.gold
          ? ([
              ["gold-paragraph EM", r.gold.exactMatch],
              ["gold-paragraph F1", r.gold.f1],
              ["gold-paragraph held-out EM", r.gold.heldOut.exactMatch],
              ["gold-paragraph held-out F1", r.gold.heldOut.f1],
              ["gold-paragraph held-out sentence accuracy", r.gold.heldOut.sentence],
            ] as Array<[string, number]>)
          : []),
        ["ms per question", r.msPerQuestion],
      ]),
    );
  } else if (what === "squad2") {
    const r = await calibrateThreshold(dataDir, ANSWER_THRESHOLDS.lexical.answer);
    print(
      r,
      table([
        ["questions (unanswerable)", `${r.questions} (${r.unanswerable})`],
        ["balanced threshold", r.balanced.threshold],
        ["answerable answered at balanced", r.balanced.answered],
        ["NoAns accuracy at balanced", r.balanced.noAnswerAccuracy],
        ["HasAns F1 at balanced", r.balanced.hasAnswerF1],
        ["F1 at balanced", r.balanced.f1],
        ["best-F1 threshold", r.threshold],
        ["F1 at best", r.f1],
        ["HasAns F1 at best", r.hasAnswerF1],
        ["NoAns accuracy at best", r.noAnswerAccuracy],
        ["shipped threshold", r.atShipped.threshold],
        ["F1 at shipped", r.atShipped.f1],
        ["HasAns F1 at shipped", r.atShipped.hasAnswerF1],
        ["NoAns accuracy at shipped", r.atShipped.noAnswerAccuracy],
      ]),
    );
  } else if (what === "train-reader") {
    const r = await trainReader(dataDir, path.resolve("src/answer/span-weights.ts"));
    print(
      { examples: r.examples, heldOutGoldF1: r.heldOutGoldF1, variants: r.variants },
      [
        ...Object.entries(r.variants).map(([name, f1]) => `held-out gold-paragraph F1, ${name}: ${f1.toFixed(2)}`),
        `Trained on ${r.examples} examples (held-out gold-paragraph F1 ${r.heldOutGoldF1.toFixed(2)}); wrote src/answer/span-weights.ts and span-tree-model.ts`,
      ].join("\n"),
    );
  } else if (what === "train-sentences") {
    const r = await trainSentences(dataDir, values.dry ? undefined : path.resolve("src/answer/sentence-weights.ts"));
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    print(
      { examples: r.examples, heldOut: r.heldOut, variants: r.variants },
      [
        ...Object.entries(r.variants).map(([name, a]) => `held-out sentence accuracy (retrieved passages), ${name}: ${pct(a)}`),
        `held-out, retrieved passages (${r.heldOut.retrieved.questions} q with a gold sentence among them): ` +
          `top sentence holds a gold answer ${pct(r.heldOut.retrieved.before)} by coverage → ${pct(r.heldOut.retrieved.ranker)} ranked`,
        `held-out, gold paragraph (${r.heldOut.gold.questions} q): ${pct(r.heldOut.gold.before)} by coverage → ${pct(r.heldOut.gold.ranker)} ranked`,
        `Trained on ${r.examples} questions${values.dry ? " (dry run: nothing written)" : "; wrote src/answer/sentence-weights.ts"}`,
      ].join("\n"),
    );
  } else if (what === "train-confidence") {
    const r = await trainConfidence(dataDir, values.dry ? undefined : path.resolve("src/answer/confidence-weights.ts"));
    print(
      r,
      `Trained on ${r.questions} SQuAD questions (best span right for ${(100 * r.right).toFixed(1)}%):\n` +
        `ROC area, two folds of the training half: coverage × √p ${r.rocArea.before.toFixed(3)}, the model ${r.rocArea.model.toFixed(3)}\n` +
        JSON.stringify(r.weights, null, 2) +
        (values.dry ? "\n(dry run: nothing written)" : "\nwrote src/answer/confidence-weights.ts"),
    );
  } else if (what === "train-relevance") {
    const r = await trainRelevance(dataDir, values.dry ? undefined : path.resolve("src/answer/relevance-weights.ts"));
    print(
      r,
      `Trained on ${r.answerable} SQuAD questions and ${r.offCorpus} whose answer is in no article (log loss ${r.logLoss.toFixed(3)}):\n` +
        JSON.stringify(r.weights, null, 2) +
        (values.dry ? "\n(dry run: nothing written)" : "\nwrote src/answer/relevance-weights.ts"),
    );
  } else if (what === "repair") {
    const r = await evalRepair(dataDir);
    print(r, formatRepairEval(r));
  } else if (what === "ingest") {
    const limit = values.limit ? Number(values.limit) : 200;
    if (!(limit > 0)) throw new UsageError("--limit takes a positive number");
    const r = await evalIngest(dataDir, limit);
    print(r, formatIngestEval(r));
  } else if (what === "tune-retrieval") {
    const r = await tuneRetrieval(dataDir, limit);
    print(r, formatTuneRetrieval(r));
  } else if (what === "train-summaries") {
    const r = await trainSummaries(dataDir);
    await writeSentenceWeights(r, path.resolve("src/summarize/sentence-weights.ts"));
    print(
      { articles: r.articles, sentences: r.sentences },
      `Trained on ${r.sentences} sentences of ${r.articles} articles; wrote src/summarize/sentence-weights.ts`,
    );
  } else if (what === "summaries") {
    // Both halves side by side: the ranker's weights were trained on the even-numbered articles.
    const tune = await evalSummaries(dataDir, { split: "tune" });
    const check = await evalSummaries(dataDir, { split: "check" });
    print({ tune, check }, `${formatSummariesTable(check)}\n\n${formatSummariesTable(tune)}`);
  } else if (what === "conversations") {
    const r = await evalConversations(dataDir);
    print(r, formatConversations(r));
  } else {
    throw new UsageError(what ? `Unknown evaluation: ${what}` : "Name an evaluation.");
  }
  return 0;
});
