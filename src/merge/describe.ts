// What `merge` did, in words: one block per contribution, then every unsettled question.
// The labels are kept together here so that the message catalogue can take them over.
import type { Framework } from '../model/framework-schema.js';
import { exact, joined, plain, term, type Term } from '../outside.js';
import { voicesText, answerWord } from '../rating/unsettled.js';
import type { LeftOut, MergeResult, PositionEvent, QuestionRef } from './merge.js';

const LABELS = {
  new: 'new contribution',
  updated: 'updated: its positions replace the ones it gave before',
  unchanged: 'already merged: nothing changed',
  taken: 'taken    ',
  agrees: 'agrees   ',
  unsettled: 'unsettled',
  settled: 'settled  ',
  'evidence only': 'evidence ',
  withdrawn: 'withdrawn',
  changed: 'changed  ',
  actions: 'actions  ',
  leftOut: 'left out ',
  evidenceAdded: 'evidence added',
  unsettledHead: 'Unsettled questions',
  noneUnsettled: 'No question is unsettled.',
  settle: 'Settle them in the challenge session:',
} as const;

function leftOutText(fw: Framework, l: LeftOut): Term {
  const b = l.benchmark ? plain(l.benchmark) : term``;
  const q = l.benchmark && l.question ? questionName(fw, { benchmark: l.benchmark, question: l.question }) : term``;
  switch (l.what) {
    case 'rating':
      return term`the agreed rating of ${b} (the group agrees ratings)`;
    case 'rationale':
      return term`the rationale of ${b} (the group gives its own)`;
    case 'notes':
      return term`the notes of ${b}`;
    case 'positions':
      return term`the positions on ${q} (merge takes the organisation's own answer)`;
    case 'settled':
      return term`the settlement of ${q} (the group settles at challenge)`;
    case 'sign-offs':
      return term`sign-offs (the partnership signs its own assessment)`;
    case 'contributors':
      return term`its list of contributions merged (contributors:)`;
    case 'assessors':
      return term`its assessors (its contributor: is recorded)`;
  }
}

/** "2.3 'Right partners attend'": the benchmark's number and the question's place in it. */
export function questionName(fw: Framework, r: QuestionRef): Term {
  const b = fw.benchmarks.find((x) => x.id === r.benchmark)!;
  const i = b.questions.findIndex((q) => q.id === r.question);
  return term`${b.number}.${i + 1} '${plain(b.questions[i]!.title)}'`;
}

function eventLine(fw: Framework, e: PositionEvent, answer: string | undefined): Term {
  const name = questionName(fw, e);
  if (e.change === 'withdrawn') return term`  ${LABELS.withdrawn} ${name}`;
  const label = e.change === 'changed' ? LABELS.changed : LABELS[e.outcome];
  const said = answer ? plain(answerWord(fw, answer)) : plain('no answer');
  const what = e.change === 'changed' ? term` (${plain(e.fields.join(', '))})` : e.evidence ? term`, ${LABELS.evidenceAdded}` : term``;
  const status = e.change === 'changed' && e.outcome === 'unsettled' ? term`: unsettled` : term``;
  return term`  ${label} ${name}: ${said}${what}${status}`;
}

/** `assess` is the command that settles, as the user runs dutykit (`node bin/dutykit.js assess` before `npm link`). */
export function describeMerge(fw: Framework, r: MergeResult, target: string, own: string, assess = 'dutykit assess'): Term {
  const lines: Term[] = [];
  for (const c of r.contributions) {
    lines.push(term`${plain(c.organisation)} (${exact(c.file)}): ${LABELS[c.status]}`);
    if (c.spelledAs) lines.push(term`  filed as ${plain(c.organisation)}, as the file already spells it (the contribution says ${exact(c.spelledAs)})`);
    for (const e of c.positions) {
      const answer = r.assessment.benchmarks[e.benchmark]!.answers[e.question]?.positions?.[c.organisation]?.answer;
      lines.push(eventLine(fw, e, answer));
    }
    const actions = [c.actionsAdded.length && `${c.actionsAdded.length} added`, c.actionsAlreadyThere.length && `${c.actionsAlreadyThere.length} already there`].filter(Boolean);
    if (actions.length) lines.push(term`  ${LABELS.actions} ${plain(actions.join(', '))}`);
    for (const l of c.leftOut) lines.push(term`  ${LABELS.leftOut} ${leftOutText(fw, l)}`);
  }
  if (r.unsettled.length) {
    lines.push(term`${LABELS.unsettledHead} (${r.unsettled.length}):`);
    for (const u of r.unsettled) {
      const b = fw.benchmarks.find((x) => x.id === u.benchmark)!;
      lines.push(term`  ${b.number}. ${plain(b.title)} — ${questionName(fw, u)}: ${plain(voicesText(fw, u.voices, own))}`);
    }
    lines.push(term`${LABELS.settle} ${plain(assess)} ${exact(target)}`);
  } else lines.push(term`${LABELS.noneUnsettled}`);
  return joined(lines);
}
