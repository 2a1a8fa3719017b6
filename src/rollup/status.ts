// Pure: what needs doing now across returns (spec §10), one item each, dated. `asOf` is the day
// it is asked (the clock is read at the edge); `withinDays` how far ahead counts as "due".
import { messages, type Messages } from '../i18n/catalogue.js';
import type { Assessment } from '../model/assessment.js';
import { monthsBefore, toIso } from '../model/dates.js';
import type { Framework } from '../model/framework-schema.js';
import type { Roster } from '../model/roster.js';
import type { BenchmarkRating } from '../rating/rate.js';

export type StatusKind = 'action' | 'evidence' | 'unsettled' | 'sign-off' | 'return';

export interface StatusItem {
  date: string;
  kind: StatusKind;
  /** Past its date (an action or a review overdue, a return not in after its due date). */
  overdue: boolean;
  name: string;
  file?: string;
  text: string;
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return toIso(t);
}

/**
 * `l`: the language of the words (`status.*`); `words`: the framework's titles in it, where it
 * has them (the same ids as `fw`).
 */
export function statusOf(file: string, fw: Framework, a: Assessment, ratings: BenchmarkRating[], asOf: string, withinDays: number, l: Messages = messages(), words: Framework = fw): StatusItem[] {
  const { t } = l;
  const horizon = addDays(asOf, withinDays);
  const items: StatusItem[] = [];
  const item = (date: string, kind: StatusKind, overdue: boolean, text: string) => items.push({ date, kind, overdue, name: a.authority, file, text });
  for (const r of ratings) {
    const wb = words.benchmarks.find((b) => b.id === r.benchmark.id);
    const benchmark = wb?.title ?? r.benchmark.title;
    for (const x of r.entry.actions) {
      if (x.status !== 'open' || !x.due || x.due > horizon) continue;
      item(x.due, 'action', x.due < asOf, t('status.action', { benchmark, action: x.action }));
    }
    for (const q of r.questions) {
      if (q.notForKind) continue;
      const reviewed = r.entry.answers[q.question.id]?.reviewed;
      const question = wb?.questions.find((x) => x.id === q.question.id)?.title ?? q.question.title;
      if (reviewed) {
        // Due for review when it would count as stale: evidence_valid_months after it was reviewed.
        const due = monthsBefore(reviewed, -fw.evidence_valid_months);
        if (due <= horizon) item(due, 'evidence', due < asOf, t('status.evidence', { benchmark, question, reviewed }));
      }
      if (q.resolved?.source === 'unsettled') item(a.date, 'unsettled', false, t('status.unsettled', { benchmark, question }));
    }
  }
  if (!a.sign_off.length) item(a.date, 'sign-off', false, t('status.noSignOff'));
  for (const s of a.sign_off) if (s.outOfDate) item(s.date ?? a.date, 'sign-off', false, t('status.outOfDate', { name: s.name }));
  return items;
}

/**
 * Bodies on the roster with no return among those read; `started`, by reference, the file of
 * a return begun with nothing answered yet (not a return: its body is still not in).
 */
export function rosterStatus(roster: Roster, returned: Set<string>, asOf: string, { t }: Messages = messages(), started: Map<string, string> = new Map()): StatusItem[] {
  const notIn = (reference: string, contact?: string) => {
    const file = started.get(reference);
    if (file !== undefined) return contact ? t('roster.notInStartedContact', { reference, file, contact }) : t('roster.notInStarted', { reference, file });
    return contact ? t('status.notInContact', { reference, contact }) : t('status.notIn', { reference });
  };
  return roster.bodies
    .filter((b) => !returned.has(b.reference))
    .map((b) => ({ date: roster.due, kind: 'return', overdue: asOf > roster.due, name: b.name, text: notIn(b.reference, b.contact) }));
}

export const byDate = (a: StatusItem, b: StatusItem) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
