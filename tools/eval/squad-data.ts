import { readFile } from "node:fs/promises";
import { joinParagraphs } from "../../src/knowledge/paragraphs.js";
import { hashBytes } from "../../src/knowledge/build-article.js";
import type { Article } from "../../src/types.js";

export interface SquadQuestion {
  id: string;
  question: string;
  /** The article id of the paragraph the question was written on. */
  articleId: string;
  answers: string[];
  impossible: boolean;
}

export interface SquadSet {
  articles: Article[];
  questions: SquadQuestion[];
}

interface RawSquad {
  data: Array<{
    title: string;
    paragraphs: Array<{
      context: string;
      qas: Array<{ id: string; question: string; answers: Array<{ text: string }>; is_impossible?: boolean }>;
    }>;
  }>;
}

/** Every SQuAD paragraph as a one-paragraph article (`<Title>/<n>`), with its questions. */
export async function loadSquad(file: string): Promise<SquadSet> {
  const raw = JSON.parse(await readFile(file, "utf8")) as RawSquad;
  const articles: Article[] = [];
  const questions: SquadQuestion[] = [];
  for (const entry of raw.data) {
    entry.paragraphs.forEach((p, i) => {
      const id = `${entry.title}/${i + 1}`;
      // The context is kept byte for byte: one paragraph, so gold offsets stay valid.
      const { text, paragraphs } = joinParagraphs([p.context]);
      articles.push({
        id,
        title: entry.title.replace(/_/g, " "),
        text,
        paragraphs,
        hash: hashBytes(Buffer.from(p.context)),
      });
      for (const qa of p.qas) {
        questions.push({
          id: qa.id,
          question: qa.question.trim(),
          articleId: id,
          answers: qa.answers.map((a) => a.text),
          impossible: qa.is_impossible ?? false,
        });
      }
    });
  }
  return { articles, questions };
}
