// What `merge` did, in words from the catalogue (keys merge.*): one block per contribution,
// then every unsettled question. Outside text (names, file names) is made safe before it goes
// into a message: `plain` for names, `exact` for files.
import { messages, type Messages } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import { exact, joined, plain, term, type Term } from '../outside.js';
import { voicesText, answerWord } from '../rating/unsettled.js';
import type { ActionDetails, FieldChange, LeftOut, MergeResult, PositionEvent, QuestionRef } from './merge.js';

const LABELS = ['taken', 'agrees', 'unsettled', 'settled', 'evidence', 'withdrawn', 'changed', 'actions', 'leftOut'] as const;
type Label = (typeof LABELS)[number];
const OUTCOME = { taken: 'taken', agrees: 'agrees', unsettled: 'unsettled', settled: 'settled', 'evidence only': 'evidence', withdrawn: 'withdrawn' } as const;

/** "2.3 'Right partners attend'": the benchmark's number and the question's place in it. */
export function questionName(fw: Framework, r: QuestionRef): Term {
  const b = fw.benchmarks.find((x) => x.id === r.benchmark)!;
  const i = b.questions.findIndex((q) => q.id === r.question);
  return term`${b.number}.${i + 1} '${plain(b.questions[i]!.title)}'`;
}

/** The words of one language, and the labels padded to one width so that the questions line up. */
function words(l: Messages) {
  const raw = Object.fromEntries(LABELS.map((k) => [k, l.t(`merge.label.${k}`)])) as Record<Label, string>;
  const width = Math.max(...Object.values(raw).map((s) => s.length));
  const label = (k: Label) => plain(raw[k].padEnd(width));
  return { l, label };
}
type Words = ReturnType<typeof words>;

/** "answer met → partly met", "reviewed 2025-02-10 → none": answers in the framework's words, dates as written. */
function fieldText(fw: Framework, f: FieldChange, { l }: Words): string {
  const name = l.t(`merge.field.${f.field}`);
  if (f.field !== 'answer' && f.field !== 'reviewed') return name;
  const shown = (x: string | undefined) => (x === undefined ? l.t('merge.none') : f.field === 'answer' ? answerWord(fw, x) : x);
  return `${name} ${shown(f.from)} → ${shown(f.to)}`;
}

function eventLine(fw: Framework, e: PositionEvent, answer: string | undefined, w: Words): Term {
  const name = questionName(fw, e);
  if (e.change === 'withdrawn') return term`  ${w.label('withdrawn')} ${name}`;
  const label = w.label(e.change === 'changed' ? 'changed' : OUTCOME[e.outcome]);
  const said = plain(answer ? answerWord(fw, answer) : w.l.t('merge.noAnswer'));
  const what = e.change === 'changed' ? term` (${plain(e.fields.map((f) => fieldText(fw, f, w)).join(', '))})` : e.evidence ? term`, ${plain(w.l.t('merge.evidenceAdded'))}` : term``;
  const status = e.change === 'changed' && e.outcome === 'unsettled' ? term`: ${plain(w.l.t('merge.label.unsettled'))}` : term``;
  return term`  ${label} ${name}: ${said}${what}${status}`;
}

const LEFT_OUT = { rating: 'rating', rationale: 'rationale', notes: 'notes', positions: 'positions', settled: 'settled', 'sign-offs': 'signOffs', contributors: 'contributors', assessors: 'assessors', marking: 'marking' } as const;

function leftOutText(fw: Framework, x: LeftOut, { l }: Words): Term {
  const benchmark = x.benchmark ? fw.benchmarks.find((b) => b.id === x.benchmark) : undefined;
  const question = x.benchmark && x.question ? questionName(fw, { benchmark: x.benchmark, question: x.question }) : '';
  return plain(l.t(`merge.leftOut.${LEFT_OUT[x.what]}`, { benchmark: benchmark ? `${benchmark.number}. ${benchmark.title}` : '', question, marking: x.marking?.theirs ?? '', kept: x.marking?.kept ?? '' }));
}

const benchmarkNumber = (fw: Framework, id: string): number => fw.benchmarks.find((b) => b.id === id)!.number;

/** "owner Prevent Coordinator, due 2025-06-30, status open": the values as the file writes them. */
const detailsText = (fields: ActionDetails['fields'], l: Messages): string => fields.map((f) => l.t(`merge.actionField.${f.field}`, { value: f.theirs })).join(', ');

export interface DescribeOptions {
  /** The command that settles, as the user runs dutykit (`node bin/dutykit.js assess` before `npm link`). */
  assess?: string;
  l?: Messages;
}

/** `fw`: the framework in the output's language (its titles and answer words). */
export function describeMerge(fw: Framework, r: MergeResult, target: string, own: string, { assess = 'dutykit assess', l = messages() }: DescribeOptions = {}): Term {
  const w = words(l);
  const { t } = l;
  const lines: Term[] = [];
  for (const c of r.contributions) {
    lines.push(plain(t('merge.heading', { organisation: c.organisation, file: exact(c.file), status: t(`merge.status.${c.status}`) })));
    if (c.spelledAs) lines.push(term`  ${plain(t('merge.spelling', { organisation: c.organisation, given: exact(c.spelledAs) }))}`);
    for (const e of c.positions) {
      const answer = r.assessment.benchmarks[e.benchmark]!.answers[e.question]?.positions?.[c.organisation]?.answer;
      lines.push(eventLine(fw, e, answer, w));
    }
    const actions = [
      c.actionsAdded.length && t('merge.actions.added', { count: c.actionsAdded.length }),
      c.actionsAlreadyThere.length && t('merge.actions.there', { count: c.actionsAlreadyThere.length }),
    ].filter(Boolean);
    if (actions.length) lines.push(term`  ${w.label('actions')} ${plain(actions.join(', '))}`);
    for (const a of c.actionsFilled) lines.push(term`  ${w.label('actions')} ${plain(t('merge.actions.filled', { action: a.action, benchmark: benchmarkNumber(fw, a.benchmark), details: detailsText(a.fields, l) }))}`);
    for (const a of c.actionsDiffering) {
      const kept = a.fields.map((f) => ({ ...f, theirs: f.kept ?? '' }));
      lines.push(term`  ${w.label('actions')} ${plain(t('merge.actions.differs', { action: a.action, benchmark: benchmarkNumber(fw, a.benchmark), theirs: detailsText(a.fields, l), kept: detailsText(kept, l) }))}`);
    }
    for (const x of c.leftOut) lines.push(term`  ${w.label('leftOut')} ${leftOutText(fw, x, w)}`);
  }
  if (r.unsettled.length) {
    lines.push(plain(t('merge.unsettledHead', { count: r.unsettled.length })));
    for (const u of r.unsettled) {
      const b = fw.benchmarks.find((x) => x.id === u.benchmark)!;
      lines.push(term`  ${b.number}. ${plain(b.title)} — ${questionName(fw, u)}: ${plain(voicesText(fw, u.voices, own))}`);
    }
    lines.push(plain(t('merge.settle', { command: `${assess} ${exact(target)}` })));
  } else lines.push(plain(t('merge.noneUnsettled')));
  return joined(lines);
}

/** The last line: the file written, or left as it was. */
export const mergeOutcome = (target: string, written: boolean, l: Messages = messages()): Term => plain(l.t(written ? 'merge.merged' : 'merge.nothing', { file: exact(target) }));
