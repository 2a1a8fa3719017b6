// After a benchmark's questions: the computed rating and its reason, the group's decision,
// and actions for anything not Green.
import { signedDigest } from '../../model/sign-off.js';
import { allRated } from '../../assess/steps.js';
import { clean } from '../../outside.js';
import { ratingLabel, ratingRank, UNRATED } from '../../rating/rate.js';
import { confirm, dateInput, input, select } from '../prompts.js';
import type { Session } from './session.js';
import { indent } from './text.js';

export async function askRating(s: Session, i: number): Promise<void> {
  const b = s.benchmark(i);
  const r = s.rating(i);
  const label = (id: string) => s.io.paint(id, ratingLabel(s.fw, id));
  s.io.say(`\n${b.number}. ${b.title}: the rules give ${label(r.computed)}\n${indent(clean(r.reason), s.io.width)}`);
  if (r.entry.rating) {
    s.io.say(`The group's agreed rating: ${label(r.entry.rating)}${r.entry.rationale ? `\n${indent(`Rationale: ${clean(r.entry.rationale)}`, s.io.width)}` : ''}`);
  }
  const rated = r.computed !== UNRATED;
  const choice = await select(
    "The group's rating",
    [
      ...(rated ? [{ value: 'agree', name: `Agree: ${ratingLabel(s.fw, r.computed)}` }] : []),
      { value: 'set', name: rated ? 'Set a different rating' : 'Set an agreed rating' },
      { value: 'later', name: rated ? 'Decide later' : 'Leave it not yet rated' },
    ],
    { default: r.entry.rating && r.entry.rating !== r.computed ? 'set' : rated ? 'agree' : 'later' },
  );
  if (choice === 'later') {
    s.skipped.ratings.add(b.id);
    return;
  }
  if (choice === 'agree') s.edit((e) => e.setRating(b.id, r.computed, null));
  else {
    const options = [...s.fw.ratings].reverse().filter((x) => x.id !== r.computed);
    const rating = await select('Agreed rating', options.map((x) => ({ value: x.id, name: x.label })), { default: r.entry.rating });
    // Saved as soon as chosen; until the rationale is given the walk-through asks for it again.
    s.edit((e) => e.setRating(b.id, rating, r.entry.rationale ?? null));
    const why = rated
      ? `Rationale: why ${ratingLabel(s.fw, rating)} when the rules give ${ratingLabel(s.fw, r.computed)}?`
      : 'Rationale (optional)';
    const rationale = await input(why, { current: r.entry.rationale, required: rated, multiline: true });
    s.edit((e) => e.setRating(b.id, rating, rationale || null));
  }
  if (ratingRank(s.fw, s.rating(i).final) < s.fw.ratings.length - 1) await askActions(s, i);
}

export async function askActions(s: Session, i: number): Promise<void> {
  const b = s.benchmark(i);
  for (;;) {
    const actions = s.assessment.benchmarks[b.id]!.actions;
    const open = actions.map((a, n) => ({ a, n })).filter((x) => x.a.status === 'open');
    s.io.say(`\nActions for ${b.title}: ${open.length} open, ${actions.length - open.length} done`);
    for (const { a } of open) s.io.say(indent(`- ${clean(a.action)}${a.owner ? ` · ${clean(a.owner)}` : ''}${a.due ? ` · by ${a.due}` : ''}`, s.io.width));
    const choice = await select(
      'Actions',
      [
        { value: 'add', name: 'Add an action' },
        ...(open.length ? [{ value: 'done', name: 'Mark an action done' }] : []),
        { value: 'finish', name: open.length ? 'Finished with actions' : 'No actions for now' },
      ],
      { default: open.length ? 'finish' : 'add' },
    );
    if (choice === 'finish') return;
    if (choice === 'done') {
      const n = await select('Which action is done?', [...open.map((x) => ({ value: x.n, name: clean(x.a.action) })), { value: -1, name: 'None' }]);
      if (n >= 0) s.edit((e) => e.setActionStatus(b.id, n, 'done'));
      continue;
    }
    // Each part is saved as soon as it is given: a stop at "Owner" keeps the action's text.
    const action = await input('Action: what will be done', { required: true });
    const n = actions.length;
    s.edit((e) => e.addAction(b.id, { action, status: 'open' }));
    const owner = await input('Owner (optional)');
    if (owner) s.edit((e) => e.setActionDetail(b.id, n, 'owner', owner));
    const due = await dateInput('Due by (YYYY-MM-DD; optional)');
    if (due) s.edit((e) => e.setActionDetail(b.id, n, 'due', due));
  }
}

export async function askSignOff(s: Session): Promise<void> {
  const done = s.signedOff();
  if (!allRated(s.ratings())) {
    s.io.say('Sign-off comes when every benchmark is rated.');
    return;
  }
  const current = s.assessment.sign_off.filter((x) => !x.outOfDate).map((x) => clean(x.name));
  const stale = s.assessment.sign_off.filter((x) => x.outOfDate).map((x) => clean(x.name));
  s.io.say(
    `\nAll ${s.fw.benchmarks.length} benchmarks are rated.${current.length ? ` Signed off by ${current.join(', ')}.` : ''}` +
      `${stale.length ? ` Out of date, as the assessment has changed since: the sign-off by ${stale.join(', ')}; give it again to stand.` : ''}`,
  );
  if (!(await confirm(done ? 'Add another sign-off?' : 'Record the sign-off now?', !done))) {
    s.skipped.signOff = true;
    return;
  }
  do {
    // Name and role in one answer, so that what is shown as given can be saved at once (a
    // sign-off needs both); the date follows, and is saved when given.
    const who = await input('Signed off by: name, then role (e.g. Cllr Helen Marsh, Chair of the Prevent Board)', {
      required: true,
      validate: (v) => (nameAndRole(v) ? true : 'Give the name, a comma, then their role'),
    });
    const { name, role } = nameAndRole(who)!;
    // What it signs: the assessment as it stands now. Given again by the same person, it
    // replaces their sign-off that went out of date.
    const signed = signedDigest(s.assessment);
    const again = s.assessment.sign_off.findIndex((x) => x.outOfDate && x.name === name);
    const n = again >= 0 ? again : s.assessment.sign_off.length;
    s.edit((e) => (again >= 0 ? e.signAgain(again, { role, signed }) : e.addSignOff({ name, role, signed })));
    const date = await dateInput('Date of the sign-off (YYYY-MM-DD)', s.assessment.date, true);
    s.edit((e) => e.setSignOffDate(n, date));
  } while (await confirm('Add another sign-off?', false));
}

/** "Cllr Helen Marsh, Chair of the Prevent Board": the name ends at the first comma. */
export function nameAndRole(v: string): { name: string; role: string } | undefined {
  const at = v.indexOf(',');
  const name = v.slice(0, at).trim();
  const role = v.slice(at + 1).trim();
  return at > 0 && name && role ? { name, role } : undefined;
}
