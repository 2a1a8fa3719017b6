// `--fail-on`: which benchmarks trip a CI gate. Pure; the command turns a trip into exit 1.
import { messages, type Messages } from '../i18n/catalogue.js';
import { rowName } from './describe.js';
import type { AssessmentDiff, BenchmarkChange } from './types.js';

export const FAIL_ON = ['decline', 'red', 'amber', 'change', 'rules'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Tripped {
  condition: FailOn;
  benchmarks: BenchmarkChange[];
  /** For `rules`: what changed in the rules. */
  changes?: string[];
}

/** The conditions in a comma list, or the first word that is not one. */
export function parseFailOn(list: string): { conditions: FailOn[] } | { unknown: string } {
  const words = list.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  const unknown = words.find((w) => !(FAIL_ON as readonly string[]).includes(w));
  if (unknown !== undefined || words.length === 0) return { unknown: unknown ?? list };
  return { conditions: [...new Set(words)] as FailOn[] };
}

/** Fell to, or was newly rated at, `level` or below on the new framework's scale. */
function into(d: AssessmentDiff, row: BenchmarkChange, level: string): boolean {
  const scale = d.ratings.map((r) => r.id);
  const at = row.after ? scale.indexOf(row.after.rating) : -1;
  return at >= 0 && at <= scale.indexOf(level) && (row.direction === 'declined' || row.direction === 'newly rated');
}

/**
 * Fell, or was rated and now is not: deleting the answers must not slip past the gate. A
 * benchmark the new framework no longer has (no successor) is a change, not a decline.
 */
const declined = (r: BenchmarkChange) => r.direction === 'declined' || (r.direction === 'no longer rated' && r.after !== null);

/**
 * A diff gate fails on change, never on a standing rating, so identical files always pass.
 * decline: a rating fell, or became Not yet rated. red: a benchmark became Red (fell to it, or is newly rated Red).
 * amber: became Amber or Red the same way. change: any rating changed, including newly
 * rated and no longer rated. rules: the rules changed at all (the benchmarks are those the
 * change moved), so that a pull request cannot loosen them unseen.
 */
export function trips(d: AssessmentDiff, condition: FailOn): BenchmarkChange[] {
  switch (condition) {
    case 'decline':
      return d.rows.filter(declined);
    case 'change':
      return d.rows.filter((r) => r.direction !== 'unchanged');
    case 'red':
    case 'amber':
      return d.ratings.some((r) => r.id === condition) ? d.rows.filter((r) => into(d, r, condition)) : [];
    case 'rules':
      return d.rows.filter((r) => r.causes.some((c) => c.kind === 'rules'));
  }
}

export function evaluateFailOn(d: AssessmentDiff, conditions: FailOn[]): Tripped[] {
  return conditions
    .map((condition): Tripped => ({ condition, benchmarks: trips(d, condition), ...(condition === 'rules' ? { changes: d.ruleChanges } : {}) }))
    .filter((t) => t.benchmarks.length > 0 || (t.changes?.length ?? 0) > 0);
}

/** A trip in words, from the catalogue: a diff in another language gives its names and labels. */
export function describeTrip(t: Tripped, l: Messages = messages()): string {
  const names = t.benchmarks.map((r) => `${rowName(r, l)} (${r.before?.label ?? '—'} → ${r.after?.label ?? '—'})`).join('; ');
  const count = t.benchmarks.length;
  if (t.condition === 'rules') return l.t('failOn.rules', { changes: (t.changes ?? []).join('; '), count, names });
  return l.t('failOn.trip', { condition: t.condition, count, names });
}
