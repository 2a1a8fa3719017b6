// Provenance in a diff: the contributions that changed a benchmark's questions since the old
// file (new positions, changed ones, evidence added, positions withdrawn), each under its
// organisation, and the settlements made at challenge since. Not in the public version of a
// report: it says who said what.
import type { Assessment, Position } from '../model/assessment.js';
import type { QuestionPair } from './questions.js';
import type { Cause, ContributionMove } from './types.js';
import { answerWord, quoteQuestion, type Wording } from './wording.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { organisationKey } from '../model/one-line.js';
import { resolveAnswer } from '../rating/positions.js';

/** What the old file knew of each organisation, and the date of each contribution in the new one. */
export interface ContributionSides {
  known: Set<string>;
  dates: Map<string, string>;
}

/** Both keyed by organisationKey: a name respelt between the two files is the same body. */
export function contributionSides(old: Assessment, now: Assessment): ContributionSides {
  const known = new Set((old.contributors ?? []).map((c) => organisationKey(c.organisation)));
  for (const e of Object.values(old.benchmarks)) for (const a of Object.values(e?.answers ?? {})) for (const org of Object.keys(a?.positions ?? {})) known.add(organisationKey(org));
  const dates = new Map((now.contributors ?? []).flatMap((c) => (c.date ? [[organisationKey(c.organisation), c.date] as const] : [])));
  return { known, dates };
}

/** Positions by organisation key, each with the name as that file spells it. */
const byKey = (ps: Record<string, Position> | undefined) => new Map(Object.entries(ps ?? {}).map(([name, p]) => [organisationKey(name), { name, p }]));
const sameEvidence = (a: Position, b: Position) =>
  a.evidence === b.evidence && a.reviewed === b.reviewed && a.justification === b.justification && JSON.stringify(a.links) === JSON.stringify(b.links);

function moveOf(o: Position | undefined, n: Position | undefined): ContributionMove['change'] | undefined {
  if (!o && !n) return undefined;
  if (!n) return 'withdrawn';
  if (!o) return n.answer === undefined ? 'evidence' : 'new position';
  if (o.answer !== n.answer) return 'changed';
  return sameEvidence(o, n) ? undefined : 'evidence';
}

const ORDER: ContributionMove['change'][] = ['new position', 'changed', 'evidence', 'withdrawn'];
const KEYS = { 'new position': 'cause.contribution.positions', changed: 'cause.contribution.changed', evidence: 'cause.contribution.evidence', withdrawn: 'cause.contribution.withdrawn' } as const;

export function contributionCauses(pairs: QuestionPair[], sides: ContributionSides, w: Wording): Cause[] {
  if (w.public) return [];
  const { t } = w.l;
  const word = (a: string | undefined) => answerWord(w.new, a, w.l).toLocaleLowerCase(w.l.locale);
  const byOrg = new Map<string, (ContributionMove & { name: string; fresh: boolean })[]>();
  const names = new Map<string, string>();
  const settled: Cause[] = [];
  for (const p of pairs) {
    if (!p.new) continue;
    const q = p.new.question;
    const name = quoteQuestion(w.new, q, w.l, false);
    const [before, now] = [byKey(p.oldAnswer?.positions), byKey(p.newAnswer?.positions)];
    for (const key of new Set([...before.keys(), ...now.keys()])) {
      const [o, n] = [before.get(key)?.p, now.get(key)?.p];
      const change = moveOf(o, n);
      if (!change) continue;
      const move = { question: q.id, title: q.title, change, ...(o?.answer !== undefined && { from: o.answer }), ...(n?.answer !== undefined && { to: n.answer }), name, fresh: !o };
      // Named as the new file spells it (the old one's spelling for a withdrawn position).
      names.set(key, names.get(key) ?? now.get(key)?.name ?? before.get(key)!.name);
      byOrg.set(key, [...(byOrg.get(key) ?? []), move]);
    }
    const s = p.newAnswer?.settled;
    // A settlement the positions have since moved away from no longer stands: the question is unsettled again.
    if (s && JSON.stringify(s) !== JSON.stringify(p.oldAnswer?.settled) && resolveAnswer(w.new, p.newAnswer).source === 'settled') {
      const text = t('cause.settled', { question: name, answer: word(s.answer), reason: s.reason, date: s.date, dateLong: w.l.date(s.date) });
      settled.push({ kind: 'settled', text, question: q.id, answer: s.answer, date: s.date });
    }
  }
  const causes: Cause[] = [];
  for (const [key, org] of [...names].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) {
    const moves = byOrg.get(key)!;
    // Evidence given where there was none is added; evidence that differs (more, less, moved dates) is changed.
    type Group = [ContributionMove['change'], typeof moves, MessageKey];
    const groups = ORDER.flatMap((change): Group[] =>
      change === 'evidence'
        ? [
            [change, moves.filter((m) => m.change === change && m.fresh), KEYS.evidence],
            [change, moves.filter((m) => m.change === change && !m.fresh), 'cause.contribution.evidenceChanged'],
          ]
        : [[change, moves.filter((m) => m.change === change), KEYS[change]]],
    );
    const parts = groups.flatMap(([change, these, key]) => {
      if (!these.length) return [];
      const items = these.map((m) =>
        change === 'changed' ? `${m.name} (${word(m.from)} → ${word(m.to)})` : change === 'new position' ? `${m.name} (${word(m.to)})` : m.name,
      );
      const list = items.length > 1 ? t('list.and', { list: items.slice(0, -1).join(', '), last: items.at(-1)! }) : items[0]!;
      return [t(key, { count: these.length, questions: list })];
    });
    const status = sides.known.has(key) ? 'updated' : 'new';
    const date = sides.dates.get(key);
    const say = { organisation: org, changes: parts.join(t('list.clauses')), date: date ?? '', dateLong: date ? w.l.date(date) : '' };
    const text = t(`cause.contribution.${status}${date ? '' : '.undated'}`, say);
    causes.push({ kind: 'contribution', text, organisation: org, contribution: status, ...(date && { date }), positions: moves.map(({ name: _, fresh: __, ...m }) => m) });
  }
  return [...causes, ...settled];
}
