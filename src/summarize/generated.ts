import { ModelError } from "../errors.js";
import type { Article, Summary, SummaryOptions, TextSummarizer } from "../types.js";
import { articleSentences } from "./candidates.js";
import { sentenceCount } from "./length.js";
import { lexicalSpace } from "./space.js";
import { summarizeArticle } from "./summarize-article.js";
import { splitSentences, summaryWords } from "../text/index.js";

// Distil-BART reads at most 1,024 tokens; ~700 words stays under that with room to spare.
const MAX_INPUT_WORDS = 700;
const WORDS_PER_SENTENCE = 25;
// A generated sentence draws on the article sentence it shares the most weighted terms with.
const MIN_SOURCE_SIMILARITY = 0.2;

/** What the model reads: the whole article when short, else its most central sentences in order. */
async function modelInput(article: Article): Promise<string> {
  const all = articleSentences(article);
  if (summaryWords(article.text).length <= MAX_INPUT_WORDS) return all.map((s) => s.text).join(" ");
  const budget = Math.max(1, Math.floor(MAX_INPUT_WORDS / WORDS_PER_SENTENCE));
  const picked = await summarizeArticle(article, { sentences: Math.min(budget, 50) });
  const out: string[] = [];
  let used = 0;
  for (const s of picked.sentences) {
    used += summaryWords(s.text).length;
    if (used > MAX_INPUT_WORDS && out.length) break;
    out.push(s.text);
  }
  return out.join(" ");
}

/**
 * A model-written summary, labelled mode "generated", with the article sentences it drew on
 * (each generated sentence matched to its closest article sentence) as verbatim citations.
 * Throws ModelError when the model fails or says nothing.
 */
export async function summarizeGenerated(article: Article, options: SummaryOptions, summarizer: TextSummarizer): Promise<Summary> {
  const count = sentenceCount(options);
  const base = { kind: "summary" as const, articleId: article.id, title: article.title, mode: "generated" as const };
  const units = articleSentences(article);
  if (units.length === 0) return { ...base, sentences: [], generated: "" };
  let generated: string;
  try {
    generated = (await summarizer.summarize(await modelInput(article), { maxWords: count * WORDS_PER_SENTENCE })).trim();
  } catch (error) {
    throw new ModelError(`The summary model ${summarizer.modelId} failed`, { articleId: article.id }, { cause: error });
  }
  if (!generated) throw new ModelError(`The summary model ${summarizer.modelId} returned nothing`, { articleId: article.id });

  const space = lexicalSpace(units.map((u) => u.text));
  const sources = new Set<number>();
  for (const r of splitSentences(generated)) {
    const sim = await space.similarityTo(generated.slice(r.start, r.end));
    const best = sim.reduce((b, v, i) => (v > sim[b]! ? i : b), 0);
    if (sim[best]! >= MIN_SOURCE_SIMILARITY) sources.add(best);
  }
  const sentences = [...sources]
    .sort((a, b) => a - b)
    .map((i) => units[i]!)
    .map((u) => ({ text: u.text, articleId: u.articleId, paragraph: u.paragraph }));
  return { ...base, sentences, generated };
}
