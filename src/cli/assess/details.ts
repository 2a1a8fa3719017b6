// The assessment's details: council (or body, and its kind), period, date, marking and assessors.
import type { Assessment, Person } from '../../model/assessment.js';
import { today } from '../clock.js';
import { confirm, dateInput, input, select } from '../prompts.js';

export type DetailAnswers = Pick<Assessment, 'authority' | 'kind' | 'period' | 'date' | 'marking' | 'assessors'>;

const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'];

/**
 * Ask each detail in turn. Each answer is put in `given` as soon as it is confirmed, so that
 * what was typed before a Ctrl-C can still be kept.
 */
export async function askDetails(current: Partial<DetailAnswers>, given: Partial<DetailAnswers> = {}, kinds?: readonly { id: string; label: string }[]): Promise<DetailAnswers> {
  const authority = (given.authority = await input(kinds ? "The body's name (e.g. the school)" : "Council's name", { current: current.authority, required: true }));
  // Asked before any question: the kind decides which questions there are.
  const kind = kinds ? (given.kind = await select('Kind of body', kinds.map((k) => ({ value: k.id, name: k.label })), { default: kinds.some((k) => k.id === current.kind) ? current.kind : kinds[0]!.id })) : undefined;
  const period = (given.period = await input('Period the assessment covers, e.g. 2024/25', { current: current.period, required: true }));
  const date = (given.date = await dateInput('Date the group agrees the ratings (YYYY-MM-DD)', current.date ?? today(), true));
  const known = current.marking && !MARKINGS.includes(current.marking) ? [current.marking] : [];
  let marking = await select(
    'Protective marking, printed on every page',
    [...[...MARKINGS, ...known].map((m) => ({ value: m, name: m })), { value: '', name: 'Other…' }],
    { default: current.marking ?? 'OFFICIAL' },
  );
  if (!marking) marking = await input('Protective marking', { required: true });
  given.marking = marking;
  const assessors = await askAssessors(current.assessors ?? [], given);
  return { authority, ...(kind && { kind }), period, date, marking, assessors };
}

async function askAssessors(current: Person[], given: Partial<DetailAnswers>): Promise<Person[]> {
  if (current.length) {
    // Offered and not turned down: stopped here, these are the ones kept.
    given.assessors = current;
    const names = current.map((p) => p.name).join(', ');
    if (await confirm(`Assessors: ${names}. Keep them?`, true)) return current;
  }
  const people: Person[] = (given.assessors = []);
  for (;;) {
    const name = await input(people.length ? 'Another assessor (empty when done)' : 'Assessor taking part (empty when done)');
    if (!name) return people;
    // In the list as soon as named, so that a stop at the role question keeps the name.
    const person: Person = { name };
    people.push(person);
    const role = await input(`${name}'s role (optional)`);
    if (role) person.role = role;
  }
}
