// The walk-through: each pending step in order, and a menu to jump, review, see the summary,
// or save and quit.
import { allRated, benchmarkStatus, describeStep, ratingPending, type Step } from '../../assess/steps.js';
import { buildReport } from '../../report/model.js';
import { renderRateTable } from '../../report/terminal.js';
import { ratingLabel } from '../../rating/rate.js';
import { select, type Choice } from '../prompts.js';
import { askDetails } from './details.js';
import { askQuestion, carryOn, introduce, type QuestionOutcome } from './question.js';
import { askActions, askRating, askSignOff } from './rating.js';
import type { Session } from './session.js';
import { challenge, offerChallenge, unsettledQuestions } from './challenge.js';

/** Walk until everything is answered, then the menu; returns when the user saves and quits. */
export async function walk(s: Session): Promise<void> {
  // A question the last session stopped inside comes first: it was the one on screen.
  await carryOn(s);
  await offerChallenge(s);
  for (;;) {
    const step = s.next();
    if (step.kind === 'done' || (await runStep(s, step)) === 'menu') {
      if ((await menu(s)) === 'quit') return;
    }
  }
}

async function runStep(s: Session, step: Exclude<Step, { kind: 'done' }>): Promise<'menu' | undefined> {
  if (step.kind === 'sign-off') return void (await askSignOff(s));
  if (step.kind === 'rating') return void (await afterQuestions(s, step.benchmark));
  const outcome = await askQuestion(s, step.benchmark, step.question);
  if (outcome === 'menu') return 'menu';
  const next = s.next();
  if (next.kind !== 'question' || next.benchmark !== step.benchmark) await afterQuestions(s, step.benchmark);
  return undefined;
}

/** The rating decision once a benchmark's questions are done, or why there is none yet. */
async function afterQuestions(s: Session, i: number): Promise<void> {
  const r = s.rating(i);
  if (ratingPending(r) && !s.skipped.ratings.has(r.benchmark.id)) return askRating(s, i);
  s.io.say(`\n${r.benchmark.number}. ${r.benchmark.title}: ${r.summary}`);
}

async function menu(s: Session): Promise<'continue' | 'quit'> {
  for (;;) {
    const step = s.next();
    s.io.say(`\n${s.progress(step)}${s.signedOff() ? ' · signed off' : s.assessment.sign_off.length ? ' · sign-off out of date' : ''}`);
    const put = s.skipped.questions.size + s.skipped.ratings.size;
    const choices: Choice<string>[] = [
      ...(step.kind !== 'done' ? [{ value: 'continue', name: describeStep(s.fw, step) }] : []),
      ...(step.kind === 'done' && put ? [{ value: 'skipped', name: `Go back to what was skipped (${put})` }] : []),
      ...(unsettledQuestions(s).length ? [{ value: 'challenge', name: `Settle unsettled questions (${unsettledQuestions(s).length}): the challenge session` }] : []),
      { value: 'jump', name: 'Jump to a benchmark: review or change answers, rating, actions' },
      { value: 'summary', name: 'Summary table' },
      ...(allRated(s.ratings()) ? [{ value: 'sign-off', name: 'Sign-off' }] : []),
      { value: 'details', name: 'Details: council, period, date, marking, assessors' },
      { value: 'quit', name: 'Save and quit' },
    ];
    const choice = await select('What next?', choices, { default: step.kind !== 'done' ? 'continue' : put ? 'skipped' : 'summary' });
    if (choice === 'continue' || choice === 'quit') return choice;
    if (choice === 'skipped') {
      s.skipped.questions.clear();
      s.skipped.ratings.clear();
      return 'continue';
    }
    if (choice === 'summary') summary(s);
    if (choice === 'challenge') await challenge(s);
    if (choice === 'sign-off') {
      s.skipped.signOff = false;
      await askSignOff(s);
    }
    if (choice === 'details') await editDetails(s);
    if (choice === 'jump') {
      const i = await select(
        'Which benchmark?',
        [...s.ratings().map((r, n) => ({ value: n, name: `${r.benchmark.number}. ${r.benchmark.title} — ${benchmarkStatus(s.fw, r)}` })), { value: -1, name: 'Back' }],
      );
      if (i >= 0) await benchmarkPage(s, i);
    }
  }
}

/** One benchmark: work through it, change one answer, the rating, or the actions. */
async function benchmarkPage(s: Session, i: number): Promise<void> {
  const b = s.benchmark(i);
  const questions = s.questions(i);
  introduce(s, i);
  for (;;) {
    const r = s.rating(i);
    const label = (w?: string) => s.fw.answers.find((a) => a.id === w)?.label ?? 'not answered';
    const open = r.entry.actions.filter((a) => a.status === 'open').length;
    const choice = await select(
      `${b.number}. ${b.title} — ${benchmarkStatus(s.fw, r)}`,
      [
        { value: 'all', name: 'Work through every question in order' },
        ...questions.map((q, n) => ({ value: q.id, name: `Q${n + 1}. ${q.title} — ${label(s.answer(i, q.id)?.answer)}` })),
        { value: 'rating', name: `Rating: ${ratingLabel(s.fw, r.final)}${r.basis === 'agreed' ? ' (agreed)' : ''}: agree or change` },
        { value: 'actions', name: `Actions: ${open} open, ${r.entry.actions.length - open} done` },
        { value: 'back', name: 'Back to the menu' },
      ],
    );
    if (choice === 'back') return;
    if (choice === 'rating') await askRating(s, i);
    else if (choice === 'actions') await askActions(s, i);
    else {
      const ids = choice === 'all' ? questions.map((q) => q.id) : [choice];
      let outcome: QuestionOutcome | undefined;
      for (const id of ids) if ((outcome = await askQuestion(s, i, id)) === 'menu') break;
      s.skipped.ratings.delete(b.id);
      if (outcome !== 'menu') await afterQuestions(s, i);
    }
  }
}

function summary(s: Session): void {
  const model = buildReport(s.fw, s.assessment, s.ratings(), { audience: 'board' });
  s.io.say(`\n${renderRateTable(model, s.io.paint, s.io.width).trimEnd()}`);
}

async function editDetails(s: Session): Promise<void> {
  const a = s.assessment;
  const d = await askDetails({ authority: a.authority, period: a.period, date: a.date, marking: a.marking, assessors: a.assessors });
  s.edit((e) => e.setDetails({ authority: d.authority, period: d.period, date: d.date, marking: d.marking }));
  if (JSON.stringify(d.assessors) !== JSON.stringify(a.assessors)) s.edit((e) => e.setAssessors(d.assessors));
}
