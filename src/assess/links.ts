// Links to evidence documents, as the walk-through takes them: one per line, never split on
// anything else. A link may hold commas, spaces and any letters (`Minutes, March 2025.docx`).

/**
 * The links to record, from what was typed at the links prompt: undefined (Enter) keeps the
 * list as it is, untouched; null (`-`) removes it; text gives one link per non-empty line.
 * Returns undefined when nothing is to change.
 */
export function linksAnswer(current: readonly string[], typed: string | null | undefined): string[] | null | undefined {
  if (typed === undefined) return undefined;
  if (typed === null) return current.length ? null : undefined;
  const list = typed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return list.length === current.length && list.every((l, i) => l === current[i]) ? undefined : list;
}
