import { describe, expect, it } from "vitest";
import { resolveFollowUp, turnOf, type ConversationTurn } from "../../../src/conversation/index.js";
import type { Answer } from "../../../src/types.js";

function found(question: string, answer: string, quote: string, articleId = "a/1", paragraph = 2): Answer {
  return {
    kind: "answer",
    question,
    answer,
    score: 0.9,
    mode: "lexical",
    citation: {
      articleId,
      title: "T",
      paragraph,
      passageId: `${articleId}#p${paragraph}`,
      quote,
      answerStart: 0,
      answerEnd: answer.length,
      source: null,
    },
    nearest: [],
  };
}

/** A conversation of one turn: the question resolved against nothing, as the first turn is. */
function firstTurn(question: string, answer: string, quote: string): ConversationTurn[] {
  return [turnOf(question, resolveFollowUp(question, []), found(question, answer, quote), 0)];
}

const accompanied = () =>
  firstTurn(
    "Who accompanied Mansur?",
    "Deputy Commander Tarek Mansur",
    "The visit, accompanied by Deputy Commander Tarek Mansur, marked a milestone.",
  );

describe("resolveFollowUp", () => {
  it("treats a question without earlier turns as new", () => {
    const r = resolveFollowUp("Who accompanied Mansur?", []);
    expect(r).toMatchObject({ followUp: false, resolvedQuestion: "Who accompanied Mansur?", articleIds: [] });
  });

  it("reads 'his' after a who-question as the answer's name", () => {
    const r = resolveFollowUp("What is his rank?", accompanied());
    expect(r.followUp).toBe(true);
    expect(r.resolvedQuestion).toBe("What is Deputy Commander Tarek Mansur's rank?");
    expect(r.previousQuestion).toBe("Who accompanied Mansur?");
    expect(r.articleIds).toEqual(["a/1"]);
    // Read as typed: the article's own next sentence says "his" too.
    expect(r.readAs).toBe("What is his rank?");
  });

  it("reads 'he' after a when-question as what that question was about", () => {
    const turns = firstTurn("When did Mansur arrive in Oslo?", "Monday", "Mansur arrived in Oslo on Monday.");
    expect(resolveFollowUp("Whom did he meet?", turns).resolvedQuestion).toBe("Whom did Mansur meet?");
  });

  it("reads 'it' after a which-question as the thing named in the answer", () => {
    const turns = firstTurn("Which play was banned?", "The Quiet Hours", "The Quiet Hours was banned by the council.");
    expect(resolveFollowUp("Where was it due to open?", turns).resolvedQuestion).toBe("Where was Quiet Hours due to open?");
  });

  it("leaves a pronoun alone when the question names someone before it", () => {
    const r = resolveFollowUp("Did Brown say he would resign?", accompanied());
    expect(r.followUp).toBe(false);
    expect(r.resolvedQuestion).toBe("Did Brown say he would resign?");
  });

  it("replaces a pronoun that a name only follows, and keeps its referent for the next turn", () => {
    const r = resolveFollowUp("How far did he jump at the Welsh trials?", accompanied());
    expect(r.resolvedQuestion).toBe("How far did Deputy Commander Tarek Mansur jump at the Welsh trials?");
    const next = [...accompanied(), turnOf("How far did he jump at the Welsh trials?", r, found("q", "17.30m", "He jumped 17.30m."), 1)];
    expect(resolveFollowUp("How old is he?", next).resolvedQuestion).toBe("How old is Deputy Commander Tarek Mansur?");
  });

  it("fills an elided question from the last one and its answer", () => {
    const turns = firstTurn("Where did Mansur's delegation arrive?", "Noor Field", "The delegation arrived at Noor Field.");
    expect(resolveFollowUp("and when?", turns).resolvedQuestion).toBe("when did Mansur's delegation arrive Noor Field?");
    expect(resolveFollowUp("From when?", turns).followUp).toBe(true);
  });

  it("asks the last question about something else for 'what about X?'", () => {
    const turns = firstTurn("What growth did the bank forecast for Spain?", "2.1%", "It forecast 2.1% for Spain.");
    expect(resolveFollowUp("What about Portugal?", turns).resolvedQuestion).toBe("What growth did the bank forecast for Portugal?");
  });

  it("names a definite noun phrase whose noun the last turn spoke of", () => {
    const r = resolveFollowUp("When did the visit take place?", accompanied());
    expect(r.followUp).toBe(true);
    expect(r.resolvedQuestion).toBe("When did the visit (Mansur) take place?");
  });

  it("does not take a definite noun phrase the last turn never spoke of as a follow-up", () => {
    expect(resolveFollowUp("When did the election take place?", accompanied()).followUp).toBe(false);
  });

  it("keeps a pronoun's referent for the same pronoun in the next turn", () => {
    const turns = accompanied();
    const second = resolveFollowUp("How old is he?", turns);
    turns.push(turnOf("How old is he?", second, found("How old is he?", "54", "Tarek Mansur, 54, ..."), 1));
    expect(resolveFollowUp("Where was he born?", turns).resolvedQuestion).toBe("Where was Deputy Commander Tarek Mansur born?");
  });
});
