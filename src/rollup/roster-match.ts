// Returns against the roster: who returned, who has not (with the contact to chase), who
// returned late, and returns from bodies the roster does not name. Matched by reference; a
// return without one, by its name when exactly one body on the roster has that name.
import { organisationKey } from '../model/one-line.js';
import type { Roster, RosterBody } from '../model/roster.js';
import type { ReturnSummary } from './summary.js';

type Listed<T> = T[] | number | string;

export interface RosterMatch {
  file?: string;
  period: string;
  due: string;
  expected: number | string;
  returned: Listed<{ reference: string; name: string; date: string; file: string }>;
  /**
   * Not returned; `overdue` once the due date has passed (as of the day the roll-up is made);
   * `started`: the file of a return begun with nothing answered yet (a blank from `init --roster`).
   */
  missing: Listed<{ reference: string; name: string; kind?: string; /** The kind's label in the roll-up's language. */ kindLabel?: string; contact?: string; overdue: boolean; started?: string }>;
  /** Returned after the due date: the return's own date says when. */
  late: Listed<{ reference: string; name: string; date: string; file: string }>;
  notOnRoster: Listed<{ reference?: string; name: string; file: string }>;
}

export function matchRoster(roster: Roster, used: ReturnSummary[], asOf: string, blank: ReturnSummary[] = []): RosterMatch {
  const started = new Map(blank.filter((s) => s.reference !== undefined).map((s) => [s.reference!, s.file]));
  const byRef = new Map(used.filter((s) => s.reference !== undefined).map((s) => [s.reference!, s]));
  const listed = new Set(roster.bodies.map((b) => b.reference));
  const returned = roster.bodies.filter((b) => byRef.has(b.reference)).map((b) => ({ reference: b.reference, name: b.name, date: byRef.get(b.reference)!.date, file: byRef.get(b.reference)!.file }));
  const missing = roster.bodies
    .filter((b) => !byRef.has(b.reference))
    .map((b) => ({ reference: b.reference, name: b.name, ...(b.kind && { kind: b.kind }), ...(b.contact && { contact: b.contact }), overdue: asOf > roster.due, ...(started.has(b.reference) && { started: started.get(b.reference)! }) }));
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

/** Which roster body a return is from, and how that was found; `warning` says what to check. */
export interface Found {
  body?: RosterBody;
  /** A catalogue entry (`rollup.warning.*`), said in the command's language with the file's name. */
  warning?: { key: 'rollup.warning.otherBody' | 'rollup.warning.refNotListed' | 'rollup.warning.matchedByName' | 'rollup.warning.nameAmbiguous'; params: Record<string, string | number> };
}

/**
 * The roster's bodies by reference and by name (folded as merge folds names), built once for
 * a round: a return is matched in constant time, however many bodies the roster names.
 */
export class RosterIndex {
  readonly #byRef = new Map<string, RosterBody>();
  readonly #byName = new Map<string, RosterBody[]>();

  constructor(readonly roster: Roster) {
    for (const b of roster.bodies) {
      this.#byRef.set(b.reference, b);
      const k = organisationKey(b.name);
      const list = this.#byName.get(k);
      if (list) list.push(b);
      else this.#byName.set(k, [b]);
    }
  }

  /**
   * The body a return from `name` giving `reference` (or none) is from. A reference decides,
   * whatever the name (a school renamed keeps its URN), with a warning when the names differ.
   * Without a reference, the name decides when it is one body's only: the return is
   * counted for it, with a warning to add the reference.
   */
  find(name: string, reference: string | undefined): Found {
    const named = this.#byName.get(organisationKey(name)) ?? [];
    if (reference !== undefined) {
      const body = this.#byRef.get(reference);
      if (body && organisationKey(body.name) !== organisationKey(name)) {
        return { body, warning: { key: 'rollup.warning.otherBody', params: { reference, listed: body.name, authority: name } } };
      }
      if (body) return { body };
      // Not matched by name: a reference mistyped is told, never second-guessed.
      const same = named.length === 1 ? named[0]! : undefined;
      return same ? { warning: { key: 'rollup.warning.refNotListed', params: { reference, name: same.name, listed: same.reference } } } : {};
    }
    if (named.length === 1) {
      const body = named[0]!;
      return { body, warning: { key: 'rollup.warning.matchedByName', params: { name: body.name, reference: body.reference } } };
    }
    if (named.length > 1) {
      return { warning: { key: 'rollup.warning.nameAmbiguous', params: { count: named.length, name, references: named.map((b) => b.reference).join(', ') } } };
    }
    return {};
  }
}
