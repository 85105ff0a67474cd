// Whether this worker's index may answer: only when it holds the announced knowledge version. A
// worker announces a version itself only when it is the first, or when its own index just changed
// (its folder changed and it re-read it); a worker whose copy of the folder is old stays behind and
// says so, instead of overruling the others. Pure.

export type ReplicaStep = { kind: "ready" } | { kind: "announce"; first: boolean } | { kind: "behind"; reason: string };

export function replicaStep(own: string, previousOwn: string | undefined, announced: string | null): ReplicaStep {
  if (announced === null) return { kind: "announce", first: true };
  if (own === announced) return { kind: "ready" };
  if (previousOwn !== undefined && own !== previousOwn) return { kind: "announce", first: false };
  return { kind: "behind", reason: `index ${own}, announced ${announced}` };
}
