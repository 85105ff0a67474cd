import { describe, expect, it } from "vitest";
import { embeddingRecipe } from "../../../src/models/embedding-recipe.js";

describe("embeddingRecipe", () => {
  it.each([
    ["Xenova/bge-small-en-v1.5", "cls", true, ""],
    ["Xenova/bge-base-en-v1.5", "cls", true, ""],
    ["Xenova/all-MiniLM-L6-v2", "mean", false, ""],
    ["Xenova/e5-small-v2", "mean", true, "passage: "],
  ])("%s pools by %s", (id, pooling, hasQueryPrefix, passagePrefix) => {
    const recipe = embeddingRecipe(id);
    expect(recipe.pooling).toBe(pooling);
    expect(recipe.queryPrefix.length > 0).toBe(hasQueryPrefix);
    expect(recipe.passagePrefix).toBe(passagePrefix);
  });
});
