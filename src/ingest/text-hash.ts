// A fingerprint of an article's words, blind to markup, case, punctuation and spacing: the same
// story under two URLs has the same one. Pure.
import { createHash } from "node:crypto";

export function textHash(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return createHash("sha256").update(words.join(" ")).digest("hex");
}
