// "Confirmed means saved", in a real terminal (tmux): whatever is shown with a tick is in the
// file when the process ends, however it ends.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { blankAssessment } from '../src/model/blank.js';
import { loadFramework } from '../src/model/load-framework.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';
import { assessCommand as assess, hasTmux, loadOrFail, needsBuild, terminalEachTest, type Terminal } from './helpers/tmux.js';

const fw = loadFramework('benchmarks/home-office-2018').value!;

let dir: string;
let file: string;
let term: Terminal;

needsBuild();

/** A file with the first `n` benchmarks' questions all answered (`word`), the first `rated` of them agreed Green. */
function write(n: number, rated: number, word = 'met'): void {
  const e = new AssessmentEditor(blankAssessment(fw, { authority: 'Riverside', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: fw.id }), fw);
  fw.benchmarks.slice(0, n).forEach((b, i) => {
    for (const q of b.questions) e.setAnswer(b.id, q.id, { answer: word, evidence: `Evidence for ${q.id}` });
    if (i < rated) e.setRating(b.id, 'green', null);
  });
  writeFileSync(file, e.toString());
}
const load = () => loadOrFail(file);

describe.skipIf(!hasTmux)('what is confirmed is saved, however the session ends (tmux)', () => {
  const each = terminalEachTest('dutykit-saved-');
  beforeEach(() => {
    ({ dir, term } = each);
    file = join(dir, 'a.yaml');
  });

  it("an action's text confirmed, then Ctrl-C at Owner: the action is in the file", async () => {
    write(1, 0, 'partly');
    const w = term.run(assess(file));
    await w.prompt("The group's rating");
    w.keys('Enter'); // Agree: Amber
    await w.prompt('Actions');
    w.keys('Enter'); // Add an action
    await w.prompt('Action: what will be done');
    w.type('Refresh the risk assessment, with partners');
    w.keys('Enter');
    await w.prompt('Owner');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(w.text()).toContain('Stopped. Every confirmed answer is saved in');
    expect(load().benchmarks['local-risk-assessment']!.actions).toEqual([{ action: 'Refresh the risk assessment, with partners', status: 'open' }]);

    const again = term.run(assess(file));
    await again.prompt('Answer', 'Question 1 of');
    again.keys('C-c');
    expect(await again.exitCode()).toBe(130);
  }, 60_000);

  it('a sign-off confirmed, then Ctrl-C at its date: the sign-off is in the file', async () => {
    write(fw.benchmarks.length, fw.benchmarks.length);
    const w = term.run(assess(file));
    await w.prompt('Record the sign-off now?');
    w.keys('Enter');
    await w.prompt('Signed off by:');
    w.type('Cllr Helen Marsh');
    w.keys('Enter');
    await w.waitFor((t) => t.includes('Give the name, a comma, then their role'), 'the hint');
    w.type(', Chair of the Prevent Board');
    w.keys('Enter');
    await w.prompt('Date of the sign-off');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(load().sign_off).toEqual([{ name: 'Cllr Helen Marsh', role: 'Chair of the Prevent Board', signed: expect.stringMatching(/^sha256:[0-9a-f]{32}$/) }]);
  }, 60_000);

  it('"Not applicable" chosen, then Ctrl-C at its reason: the stop message says that one is not saved', async () => {
    write(0, 0);
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('4', 'Enter');
    await w.prompt('Why does it not apply?');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(w.text()).toContain('except "Not applicable" for "Risk assessment uses the CTLP": a file holds it only with its reason.');
    expect(load().benchmarks['local-risk-assessment']!.answers['ctlp-used']?.answer).toBeUndefined();
  }, 60_000);

  /** Answer the first question and give one line of evidence; stop at the second line. */
  async function answerOne(): Promise<ReturnType<Terminal['run']>> {
    write(0, 0);
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    w.type('CTLP briefing notes');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    return w;
  }
  const lockPid = () => Number.parseInt(readFileSync(`${file}.lock`, 'utf8'), 10);
  const saved = () => load().benchmarks['local-risk-assessment']!.answers['ctlp-used'];

  it.each([
    ['SIGTERM', 143, 'Stopped (SIGTERM).'],
    ['SIGHUP', 129, 'Stopped (the terminal was closed).'],
  ] as const)('%s is handled as Ctrl-C: saved, lock removed, how to resume said; exit %i', async (signal, code, said) => {
    const w = await answerOne();
    process.kill(lockPid(), signal);
    expect(await w.exitCode()).toBe(code);
    expect(w.text()).toContain(`${said} Every confirmed answer is saved in ${file} (1 of 61 questions answered`);
    expect(w.text()).toMatch(/^Resume with: .* assess /m);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(saved()).toMatchObject({ answer: 'met', evidence: 'CTLP briefing notes' });
  }, 60_000);

  it('closing the terminal window keeps the answers and removes the lock', async () => {
    const w = await answerOne();
    term.tmux('kill-window', '-t', w.target);
    await w.term.run('true').waitFor(() => !existsSync(`${file}.lock`), 'the lock to go');
    expect(saved()).toMatchObject({ answer: 'met', evidence: 'CTLP briefing notes' });
  }, 60_000);

  it("SIGTERM while a new file's details are asked keeps the ones given", async () => {
    const w = term.run(assess(join(dir, 'new.yaml')));
    await w.prompt("Council's name");
    w.type('Ynys Môn County Council');
    w.keys('Enter');
    await w.prompt('Period');
    process.kill(Number.parseInt(readFileSync(join(dir, 'new.yaml.lock'), 'utf8'), 10), 'SIGTERM');
    expect(await w.exitCode()).toBe(143);
    expect(w.text()).toContain('Stopped (SIGTERM). The details you gave are saved in');
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toContain('authority: Ynys Môn County Council');
    expect(existsSync(join(dir, 'new.yaml.lock'))).toBe(false);
  }, 60_000);

  it('a signed-off file that changes: at quit it says what is still needed, and the sign-off is out of date until given again', async () => {
    write(fw.benchmarks.length, fw.benchmarks.length);
    const w = term.run(assess(file));
    await w.prompt('Record the sign-off now?');
    w.keys('Enter');
    await w.prompt('Signed off by:');
    w.type('Cllr Helen Marsh, Chair of the Prevent Board');
    w.keys('Enter');
    await w.prompt('Date of the sign-off');
    w.keys('Enter');
    await w.prompt('Add another sign-off?');
    w.keys('Enter'); // No
    await w.prompt('What next?');
    expect(load().sign_off[0]!.outOfDate).toBeUndefined();
    // Change the first answer: Not met, so the agreed Green no longer follows; decide later.
    w.keys('Up', 'Enter'); // Jump to a benchmark
    await w.prompt('Which benchmark?');
    w.keys('Enter');
    await w.prompt('1. Local Risk Assessment');
    w.keys('Down', 'Enter'); // Q1
    await w.prompt('Answer');
    w.keys('3', 'Enter'); // Not met
    await w.prompt('Evidence');
    w.keys('Enter');
    await w.prompt('Links');
    w.keys('Enter');
    await w.prompt('Date the evidence was last reviewed');
    w.keys('Enter');
    await w.prompt("The group's rating");
    w.keys('Down', 'Enter'); // Decide later
    await w.prompt('1. Local Risk Assessment');
    for (let i = 0; i < 12; i++) w.keys('Down');
    w.keys('Enter'); // Back to the menu
    await w.prompt('What next?', 'sign-off out of date');
    for (let i = 0; i < 8; i++) w.keys('Down');
    w.keys('Enter'); // Save and quit
    expect(await w.exitCode()).toBe(0);
    const text = w.text();
    expect(text).toContain('1. Local Risk Assessment: agreed rating Green differs from the computed Red: add a rationale saying why');
    expect(text).toContain('the sign-off by Cllr Helen Marsh is out of date: the assessment has changed since; sign off again');
    expect(load().sign_off[0]!.outOfDate).toBe(true);
  }, 90_000);
});
