// The challenge session (spec §9): the group settles each unsettled question. Every position is
// shown with its organisation and evidence; the group's answer (one of the positions, or its
// own) and its reason are saved at once, with the positions they settle.
import type { Position } from '../../model/assessment.js';
import { resolveAnswer } from '../../rating/positions.js';
import { clean } from '../../outside.js';
import { today } from '../clock.js';
import { input, select, type Choice } from '../prompts.js';
import type { Session } from './session.js';
import { indent } from './text.js';

interface Ref {
  benchmark: number;
  question: string;
}

/** Every unsettled question, in framework order. */
export function unsettledQuestions(s: Session): Ref[] {
  return s.ratings().flatMap((r, i) => r.questions.filter((q) => q.resolved.source === 'unsettled').map((q) => ({ benchmark: i, question: q.question.id })));
}

/** Before the walk-through: offered whenever the file has unsettled questions. */
export async function offerChallenge(s: Session): Promise<void> {
  const n = unsettledQuestions(s).length;
  if (!n) return;
  s.io.say(`\n${n} question${n === 1 ? ' is' : 's are'} unsettled: organisations gave different answers. Until settled, each counts as its lowest position.`);
  const now = await select('Settle them first, in the challenge session?', [
    { value: true, name: 'Yes: settle them now, one by one' },
    { value: false, name: 'Not now: on to the walk-through' },
  ]);
  if (now) await challenge(s);
}

/** Settle the unsettled questions one by one, until none is left or the group stops. */
export async function challenge(s: Session): Promise<void> {
  for (const ref of unsettledQuestions(s)) if ((await settleOne(s, ref)) === 'stop') break;
  const left = unsettledQuestions(s).length;
  s.io.say(left ? `${left} question${left === 1 ? '' : 's'} still unsettled (Menu › Settle unsettled questions).` : 'No question is unsettled.');
}

async function settleOne(s: Session, ref: Ref): Promise<'settled' | 'skipped' | 'stop'> {
  const b = s.benchmark(ref.benchmark);
  const questions = b.questions.filter((q) => !q.retired);
  const n = questions.findIndex((q) => q.id === ref.question);
  const q = questions[n]!;
  const a = s.answer(ref.benchmark, q.id)!;
  const resolved = resolveAnswer(s.fw, a);
  if (resolved.source !== 'unsettled') return 'skipped';
  const label = (w: string) => s.fw.answers.find((d) => d.id === w)?.label ?? w;
  const own = s.assessment.authority;

  s.io.say(`\n━━ Unsettled: ${b.number}.${n + 1} ${clean(q.title)} (${b.number}. ${clean(b.title)}) ━━\n${indent(clean(q.text), s.io.width)}`);
  if (resolved.lapsed) s.io.say(`Settled on ${resolved.lapsed.date} as ${label(resolved.lapsed.answer)}; a position has changed since.`);
  // Every organisation that spoke to it, evidence given without an answer too.
  const shown: [string, Position][] = [...(a.answer ? [[own, a] as [string, Position]] : []), ...Object.entries(a.positions ?? {})];
  for (const [org, p] of shown) {
    s.io.say(`\n${clean(org)}: ${p.answer ? label(p.answer) : 'evidence only, no answer'}`);
    if (p.justification) s.io.say(indent(`Why it does not apply: ${clean(p.justification)}`, s.io.width));
    if (p.evidence) s.io.say(indent(clean(p.evidence), s.io.width));
    if (p.links.length) s.io.say(indent(`Links: ${p.links.map(clean).join(', ')}`, s.io.width));
    if (p.reviewed) s.io.say(indent(`Reviewed ${p.reviewed}`, s.io.width));
  }
  const givenBy = new Map<string, string[]>();
  for (const v of resolved.voices) givenBy.set(v.answer, [...(givenBy.get(v.answer) ?? []), clean(v.organisation ?? own)]);
  const choices: Choice<string>[] = [
    ...[...givenBy].map(([w, orgs]) => ({ value: w, name: `${label(w)}: as ${orgs.join(', ')}` })),
    ...s.fw.answers.filter((d) => !givenBy.has(d.id)).map((d) => ({ value: d.id, name: `${d.label}: the group's own answer` })),
    { value: 'skip', name: 'Leave it unsettled for now' },
    { value: 'stop', name: 'Stop settling: on to the walk-through' },
  ];
  const answer = await select(`The group's answer to '${clean(q.title)}'`, choices, { numbered: true });
  if (answer === 'stop' || answer === 'skip') return answer === 'stop' ? 'stop' : 'skipped';
  s.unsaved = `the settlement of "${clean(q.title)}": it is saved with its reason`;
  const reason = await input('Why? The reason is kept with the settlement', { required: true, multiline: true });
  const positions = Object.fromEntries(resolved.voices.map((v) => [v.organisation ?? own, v.answer]));
  // An answer that does not apply needs its justification in the file: the reason is it, unless there is one.
  const applies = s.fw.answers.find((d) => d.id === answer)?.applicable !== false;
  s.edit((e) => e.settle(b.id, q.id, { answer, reason, date: today(), positions }, applies || a.justification ? undefined : reason));
  s.unsaved = undefined;
  s.io.say(`Settled at challenge: ${clean(q.title)}: ${label(answer)}. Saved.`);
  return 'settled';
}
