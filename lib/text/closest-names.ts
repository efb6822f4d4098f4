// "Did you mean …?": the known names closest to a mistyped or guessed one. Browser-safe.

/** Edit distance counting a swap of neighbours as one edit ("nmae" is one edit from "name"). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

export interface ClosestOptions {
  /** Words people reach for that the known names spell differently (`status` → `state`). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Also suggest names that contain the query or are contained in it (template names). */
  containment?: boolean;
  count?: number;
}

/** Spelling variants first, then synonyms, then names containing the query, then near misses. */
export function closestNames(query: string, known: readonly string[], options: ClosestOptions = {}): string[] {
  const lower = query.toLowerCase();
  const caseVariant = known.filter((candidate) => candidate.toLowerCase() === lower);
  const synonyms = (options.synonyms?.[query] ?? options.synonyms?.[lower] ?? []).filter((candidate) => known.includes(candidate));
  const containing = options.containment ? known.filter((candidate) => candidate.toLowerCase().includes(lower) || lower.includes(candidate.toLowerCase())) : [];
  const near = known
    .map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), lower) }))
    .filter(({ candidate, distance }) => distance <= (lower.length <= 3 ? 1 : 2) || (options.containment === true && distance / Math.max(lower.length, candidate.length) <= 0.5))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .map(({ candidate }) => candidate);
  return [...new Set([...caseVariant, ...synonyms, ...containing, ...near])].slice(0, options.count ?? 3);
}
