// Returns against the roster: who returned, who has not (with the contact to chase), who
// returned late, and returns from bodies the roster does not name. Matched by reference.
import type { Roster } from '../model/roster.js';
import type { ReturnSummary } from './summary.js';

type Listed<T> = T[] | number | string;

export interface RosterMatch {
  file?: string;
  period: string;
  due: string;
  expected: number | string;
  returned: Listed<{ reference: string; name: string; date: string; file: string }>;
  /** Not returned; `overdue` once the due date has passed (as of the day the roll-up is made). */
  missing: Listed<{ reference: string; name: string; kind?: string; contact?: string; overdue: boolean }>;
  /** Returned after the due date: the return's own date says when. */
  late: Listed<{ reference: string; name: string; date: string; file: string }>;
  notOnRoster: Listed<{ reference?: string; name: string; file: string }>;
}

export function matchRoster(roster: Roster, used: ReturnSummary[], asOf: string): RosterMatch {
  const byRef = new Map(used.filter((s) => s.reference !== undefined).map((s) => [s.reference!, s]));
  const listed = new Set(roster.bodies.map((b) => b.reference));
  const returned = roster.bodies.filter((b) => byRef.has(b.reference)).map((b) => ({ reference: b.reference, name: b.name, date: byRef.get(b.reference)!.date, file: byRef.get(b.reference)!.file }));
  const missing = roster.bodies
    .filter((b) => !byRef.has(b.reference))
    .map((b) => ({ reference: b.reference, name: b.name, ...(b.kind && { kind: b.kind }), ...(b.contact && { contact: b.contact }), overdue: asOf > roster.due }));
  return {
    file: roster.file,
    period: roster.period,
    due: roster.due,
    expected: roster.bodies.length,
    returned,
    missing,
    late: returned.filter((r) => r.date > roster.due),
    notOnRoster: used.filter((s) => s.reference === undefined || !listed.has(s.reference)).map((s) => ({ ...(s.reference !== undefined && { reference: s.reference }), name: s.name, file: s.file })),
  };
}
