// One question: the answer, then its evidence, links and review date; each saved when given.
import { linksAnswer } from '../../assess/links.js';
import { questionKey } from '../../assess/steps.js';
import { clean } from '../../outside.js';
import { today } from '../clock.js';
import { dateInput, input, lines, select, type Choice } from '../prompts.js';
import type { Session } from './session.js';
import { indent } from './text.js';
import { warningText } from '../usage.js';
import { keepUnfinished, readUnfinished, type Part, type Unfinished } from './unfinished.js';

export type QuestionOutcome = 'answered' | 'skipped' | 'menu';

/** The benchmark's number, title and statement, once per session. */
export function introduce(s: Session, i: number): void {
  const b = s.benchmark(i);
  if (s.introduced.has(b.id)) return;
  s.introduced.add(b.id);
  s.io.say(`\n━━ Benchmark ${b.number} of ${s.fw.benchmarks.length}: ${b.title} ━━\n${indent(clean(b.statement), s.io.width)}`);
}

export async function askQuestion(s: Session, i: number, questionId: string): Promise<QuestionOutcome> {
  const b = s.benchmark(i);
  const questions = s.questions(i);
  const n = questions.findIndex((q) => q.id === questionId);
  const q = questions[n]!;
  const current = s.answer(i, q.id);
  const previous = s.previousAnswer(i, q.id);
  const label = (w?: string) => s.fw.answers.find((a) => a.id === w)?.label;

  introduce(s, i);
  s.io.say(`\n${s.progress({ kind: 'question', benchmark: i, question: q.id })}`);
  s.io.say(`Question ${n + 1} of ${questions.length}${q.essential ? ' (essential)' : ''}: ${q.title}\n${indent(clean(q.text), s.io.width)}`);
  if (current?.evidence) s.io.say(`Evidence recorded:\n${indent(clean(current.evidence), s.io.width)}`);

  const hints = [current?.answer && `now: ${label(current.answer)}`, previous?.answer && `last time: ${label(previous.answer)}`].filter(Boolean);
  const choices: Choice<string>[] = [
    ...s.fw.answers.map((a) => ({ value: a.id, name: a.applicable ? a.label : `${a.label} (say why)` })),
    { value: 'skip', name: current?.answer ? 'Keep as it is' : 'Skip for now' },
    { value: 'guide', name: 'Show guidance and evidence examples' },
    { value: 'menu', name: 'Menu: jump, review, summary, save and quit' },
  ];
  let choice: string;
  for (;;) {
    choice = await select(`Answer${hints.length ? ` (${hints.join(', ')})` : ''}`, choices, {
      default: current?.answer ?? previous?.answer,
      numbered: true,
    });
    if (choice !== 'guide') break;
    s.io.say(`How to judge it:\n${indent(clean(q.guidance), s.io.width)}\nEvidence, for example:\n${q.evidence.map((e) => `  - ${clean(e)}`).join('\n')}`);
  }
  if (choice === 'menu') return 'menu';
  if (choice === 'skip') {
    if (!current?.answer) s.skipped.questions.add(questionKey(b.id, q.id));
    return 'skipped';
  }

  if (!s.fw.answers.find((a) => a.id === choice)!.applicable) {
    s.unsaved = `"${label(choice)}" for "${q.title}": a file holds it only with its reason`;
    const why = await input('Why does it not apply?', { current: current?.justification ?? previous?.justification, required: true, multiline: true });
    s.edit((e) => e.setAnswer(b.id, q.id, { answer: choice, justification: why }));
    s.unsaved = undefined;
    return 'answered';
  }
  s.edit((e) => e.setAnswer(b.id, q.id, { answer: choice, justification: null }));
  await askEvidence(s, i, q.id);
  return 'answered';
}

/**
 * A question left part way by a session that stopped (`<file>.unfinished`): carry on at the
 * part it stopped in, before anything else. A place that no longer fits the file (the answer
 * changed or went meanwhile) is forgotten.
 */
export async function carryOn(s: Session): Promise<void> {
  const place = readUnfinished(s.file);
  if (!place) return;
  const i = s.fw.benchmarks.findIndex((b) => b.id === place.benchmark);
  const asked = i >= 0 && s.questions(i).some((q) => q.id === place.question);
  const given = asked ? s.answer(i, place.question)?.answer : undefined;
  if (!s.fw.answers.find((a) => a.id === given)?.applicable) {
    keepUnfinished(s.file, undefined);
    return;
  }
  s.at(place, true);
  introduce(s, i);
  s.io.say(`\n${s.progress({ kind: 'question', benchmark: i, question: place.question })}`);
  s.io.say(warningText('resume.carryOn', placeWords(s, place)));
  const evidence = s.answer(i, place.question)?.evidence;
  if (place.part === 'evidence' && evidence) s.io.say(`Evidence recorded:\n${indent(clean(evidence), s.io.width)}`);
  await askEvidence(s, i, place.question, place.part, true);
}

/** The words that name a place in a question: its title, benchmark and question numbers, and the part. */
export function placeWords(s: Session, place: Unfinished): Record<string, string | number> {
  const i = s.fw.benchmarks.findIndex((b) => b.id === place.benchmark);
  const questions = s.questions(i);
  const n = questions.findIndex((q) => q.id === place.question);
  return { title: questions[n]?.title ?? place.question, benchmark: s.benchmark(i).number, question: n + 1, part: place.part };
}

/**
 * The evidence, links and review date of an answered question, from `from` on; `resumed`: the
 * evidence typed before a stop is carried on (new lines added to it), not replaced.
 */
async function askEvidence(s: Session, i: number, question: string, from: Part = 'evidence', resumed = false): Promise<void> {
  const b = s.benchmark(i);
  const at = (part: Part) => s.at({ benchmark: b.id, question, part });
  const current = s.answer(i, question);
  if (from === 'evidence') {
    at('evidence');
    const before = resumed ? current?.evidence : undefined;
    s.io.say(
      before
        ? warningText('resume.evidenceMore')
        : current?.evidence
          ? 'Evidence: press Enter to keep what is recorded, type new text to replace it (an empty line ends), or - to remove it.'
          : 'Evidence: what shows it (documents, minutes, data). Type one line at a time; an empty line ends.',
    );
    const save = (evidence: string | null) => s.edit((e) => e.setAnswer(b.id, question, { evidence: before && evidence ? `${before}\n${evidence}` : evidence }));
    const evidence = await lines('Evidence', save, before ? before.split('\n').length : 0);
    if (evidence !== undefined) save(evidence);
  }

  if (from !== 'reviewed') {
    at('links');
    const links = current?.links ?? [];
    s.io.say(
      links.length
        ? `Links recorded:\n${links.map((l) => `  - ${clean(l)}`).join('\n')}\nLinks: press Enter to keep them, type new ones to replace them (one per line; an empty line ends), or - to remove them.`
        : 'Links to evidence documents (optional): one path or web address per line; an empty line ends.',
    );
    // Unchanged links are left exactly as the file has them: never joined, never split again.
    const newLinks = linksAnswer(links, await lines('Links'));
    if (newLinks !== undefined) s.edit((e) => e.setAnswer(b.id, question, { links: newLinks }));
  }

  const now = s.answer(i, question);
  if (now?.evidence || now?.links.length) {
    at('reviewed');
    // No date is offered by default: a review date must be a fact, not today by accident.
    const reviewed = await dateInput(`Date the evidence was last reviewed (YYYY-MM-DD; today is ${today()}; empty for none)`, now.reviewed);
    if ((reviewed || undefined) !== now.reviewed) s.edit((e) => e.setAnswer(b.id, question, { reviewed: reviewed || null }));
  }
  s.at(undefined);
}
