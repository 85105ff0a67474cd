// "Did you mean": the known ids nearest to what was typed, for unknown-article messages.

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function closestIds(wanted: string, ids: Iterable<string>, count = 5): string[] {
  const needle = wanted.toLowerCase();
  return [...ids]
    .map((id) => {
      const lower = id.toLowerCase();
      const contains = lower.includes(needle) || needle.includes(lower) ? -100 : 0;
      return { id, d: editDistance(needle, lower) + contains };
    })
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((x) => x.id);
}
