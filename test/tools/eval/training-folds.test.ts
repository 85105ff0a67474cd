// The folds the reply thresholds are cross-fitted on: two halves of the training articles, the
// held-out articles in neither.
import { describe, expect, it } from "vitest";
import { isTrainingArticle, trainingFold } from "../../../tools/eval/train-reader.js";

describe("training folds", () => {
  const titles = Array.from({ length: 12 }, (_, i) => `Title ${i}`);

  it("put every training article in one fold and no held-out article in any", () => {
    titles.forEach((t, i) => {
      const training = isTrainingArticle(`${t}/0`, titles);
      expect(trainingFold(i) !== undefined, t).toBe(training);
    });
  });

  it("alternate between the two folds along the training articles, so each holds half", () => {
    const folds = titles.map((_, i) => trainingFold(i)).filter((f) => f !== undefined);
    expect(folds).toEqual([0, 1, 0, 1, 0, 1]);
  });
});
