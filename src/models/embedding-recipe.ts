// How a sentence-embedding model wants to be used: its pooling and its query/passage prefixes,
// from its id (the conventions each model family publishes). Pure.

export interface EmbeddingRecipe {
  pooling: "cls" | "mean";
  queryPrefix: string;
  passagePrefix: string;
}

export function embeddingRecipe(modelId: string): EmbeddingRecipe {
  const id = modelId.toLowerCase();
  if (id.includes("bge-") && id.includes("-en")) {
    // BGE v1.5 English: CLS pooling, instruction on queries only.
    return { pooling: "cls", queryPrefix: "Represent this sentence for searching relevant passages: ", passagePrefix: "" };
  }
  if (id.includes("bge-")) return { pooling: "cls", queryPrefix: "", passagePrefix: "" };
  if (/(^|\/)(multilingual-)?e5-/.test(id)) return { pooling: "mean", queryPrefix: "query: ", passagePrefix: "passage: " };
  // sentence-transformers models (all-MiniLM-L6-v2, all-mpnet-base-v2, …) mean-pool without prefixes.
  return { pooling: "mean", queryPrefix: "", passagePrefix: "" };
}
