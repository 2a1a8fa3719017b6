// Suggest the closest known word for a misspelt key or id.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The known word nearest to `word`, if it is near enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase().trim();
  // Words written as a phrase: `not met` is `not-met`, `partly met` is `partly`.
  const hyphened = w.replace(/\s+/g, '-');
  const exact = known.find((k) => k.toLowerCase() === hyphened);
  if (exact) return exact;
  const lead = known.filter((k) => w.startsWith(`${k.toLowerCase()} `)).sort((a, b) => b.length - a.length)[0];
  if (lead) return lead;
  // A word that is the start of, or a part of, exactly one known word: `leased-venues`.
  if (w.length >= 4) {
    const part = known.filter((k) => k.toLowerCase().includes(w) || k.toLowerCase().includes(w.replace(/\s+/g, '-')));
    if (part.length === 1) return part[0];
  }
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = distance(w, k.toLowerCase());
    if (d < bestScore) [best, bestScore] = [k, d];
  }
  const limit = Math.max(2, Math.floor(w.length / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

export function didYouMean(word: string, known: readonly string[]): string {
  const hit = closest(word, known);
  return hit ? ` (did you mean "${hit}"?)` : '';
}
