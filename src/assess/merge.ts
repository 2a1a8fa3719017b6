// When another program saves the assessment during `assess`: can this session's change be made
// again on top of theirs? Yes when the two changed different fields; no when they touched the
// same one (then the user decides, with their answer shown to type again).
import { parse } from 'yaml';

export type Path = string[];

/** The fields (leaf paths; a list counts as one field) that differ between two YAML texts. */
export function changedFields(before: string, after: string): Path[] {
  const out: Path[] = [];
  walk(parse(before) ?? {}, parse(after) ?? {}, [], out);
  return out;
}

function walk(a: unknown, b: unknown, path: Path, out: Path[]): void {
  if (isMap(a) && isMap(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], [...path, k], out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const within = (a: Path, b: Path) => a.length <= b.length && a.every((k, i) => b[i] === k);

/**
 * The fields both changes touched: `ours` and `theirs` each against `base`. Empty when they
 * are apart, and this session's change can be applied to their text. A text that is not YAML
 * any more overlaps everything.
 */
export function overlap(base: string, ours: string, theirs: string): Path[] {
  let mine: Path[];
  let other: Path[];
  try {
    mine = changedFields(base, ours);
    other = changedFields(base, theirs);
  } catch {
    return [[]];
  }
  return mine.filter((m) => other.some((o) => within(m, o) || within(o, m)));
}
