// The challenge session in a real terminal (tmux): assess on a file with unsettled questions
// offers to settle them first; each settlement is saved the moment its reason is given, and a
// stop at any step (Ctrl-C, a kill) keeps every one given, to carry on where it stopped.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dutykit, ROOT } from './helpers.js';
import { assessCommand, hasTmux, loadOrFail, needsBuild, terminalEachTest, type Terminal } from './helpers/tmux.js';

const assess = assessCommand;
const EXAMPLES = join(ROOT, 'examples');
const CONTRIBUTIONS = ['wessex-police', 'northbridge-nhs-trust', 'probation-service'].map((n) => join(EXAMPLES, 'northbridge-2025-contributions', `${n}.yaml`));
const YOUTH_JUSTICE = `framework: home-office-2018
authority: Northbridge Borough Council
period: 2024/25
date: 2025-02-28
contributor: { organisation: Youth Justice Service, name: Sam Ortiz, role: Head of Service }
benchmarks:
  local-risk-assessment:
    answers:
      ctlp-used:
        answer: partly
        evidence: The youth justice service has not been given the CTLP findings.
`;

let dir: string;
let file: string;
let term: Terminal;

needsBuild();

const answers = () => loadOrFail(file).benchmarks;
const ctlp = () => answers()['local-risk-assessment']!.answers['ctlp-used']!;
const membership = () => answers()['multi-agency-partnership-board']!.answers['right-membership']!;
const lockPid = () => Number.parseInt(readFileSync(`${file}.lock`, 'utf8'), 10);
const CTLP = "The group's answer to 'Risk assessment uses the CTLP'";
const MEMBERSHIP = "The group's answer to 'Right partners are members'";
const WHY = 'Why? The reason is kept with the settlement';

describe.skipIf(!hasTmux)('the challenge session (tmux)', () => {
  const each = terminalEachTest('dutykit-challenge-');
  beforeEach(() => {
    ({ dir, term } = each);
    file = join(dir, 'partnership.yaml');
    cpSync(join(EXAMPLES, 'northbridge-2025.yaml'), file);
    writeFileSync(join(dir, 'yjs.yaml'), YOUTH_JUSTICE);
    expect(dutykit(['merge', file, ...CONTRIBUTIONS, join(dir, 'yjs.yaml')]).status).toBe(0);
  });

  /** Settle 1.1 as Partly met, from the offer on. */
  async function settleFirst(w: ReturnType<Terminal['run']>): Promise<void> {
    await w.prompt('Settle them first, in the challenge session?', '2 questions are unsettled');
    w.keys('Enter');
    const shown = await w.prompt(CTLP);
    expect(shown).toContain('Youth Justice Service: Partly met');
    expect(shown).toContain('The youth justice service has not been given the CTLP findings.');
    expect(shown).toContain('Wessex Police: Met');
    expect(shown).toContain('Northbridge Borough Council: Met');
    w.keys('2', 'Enter'); // Partly met: as Youth Justice Service
    await w.prompt(WHY);
    w.type('Not every partner has the CTLP findings yet');
    w.keys('Enter');
    const next = await w.prompt(MEMBERSHIP);
    // Evidence given without an answer is shown too.
    expect(next).toContain('Probation Service: evidence only, no answer');
    expect(next).toContain('Probation joined the board in July 2024 and has attended every meeting since.');
  }

  it('offers to settle first, shows every position, and saves each settlement with its reason, date and positions', async () => {
    const w = term.run(assess(file));
    await settleFirst(w);
    expect(ctlp()).toMatchObject({
      answer: 'partly',
      settled: { answer: 'partly', reason: 'Not every partner has the CTLP findings yet', date: '2025-03-12', positions: { 'Northbridge Borough Council': 'met', 'Wessex Police': 'met', 'Youth Justice Service': 'partly' } },
    });
    w.keys('3', 'Enter'); // Not met: the group's own answer
    await w.prompt(WHY);
    w.type('Mental health has no member');
    w.keys('Enter');
    await w.waitFor((t) => t.includes('No question is unsettled.'), 'the end of the challenge session');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(membership()).toMatchObject({ answer: 'not-met', settled: { answer: 'not-met', reason: 'Mental health has no member' } });
    const v = dutykit(['validate', file]);
    expect(v.status).toBe(0);
    expect(v.stderr).not.toContain('unsettled');
    expect(dutykit(['report', file, '--stdout']).stdout).toContain('*Settled at challenge:* Risk assessment uses the CTLP: Partly met, on 12 March 2025');
  }, 90_000);

  it('a stop at each step keeps every settlement given, and nothing half-given; resuming offers the rest', async () => {
    const before = readFileSync(file);
    // Ctrl-C at the offer, at the answer and at the reason: nothing was settled, nothing changes.
    let w = term.run(assess(file));
    await w.prompt('Settle them first, in the challenge session?');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    w = term.run(assess(file));
    await w.prompt('Settle them first, in the challenge session?');
    w.keys('Enter');
    await w.prompt(CTLP);
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    w = term.run(assess(file));
    await w.prompt('Settle them first, in the challenge session?');
    w.keys('Enter');
    await w.prompt(CTLP);
    w.keys('2', 'Enter');
    await w.prompt(WHY);
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(w.text()).toContain('except the settlement of "Risk assessment uses the CTLP": it is saved with its reason.');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);

    // Killed outright after the first settlement: it is in the file; the second is offered again.
    w = term.run(assess(file));
    await settleFirst(w);
    process.kill(lockPid(), 'SIGKILL');
    expect(await w.exitCode()).toBe(137);
    expect(ctlp().settled?.answer).toBe('partly');
    expect(membership().settled).toBeUndefined();

    w = term.run(assess(file));
    await w.prompt('Settle them first, in the challenge session?', '1 question is unsettled');
    w.keys('Enter');
    await w.prompt(MEMBERSHIP);
    w.keys('1', 'Enter');
    await w.prompt(WHY);
    w.type('Attendance met the bar this year');
    w.keys('Enter');
    await w.waitFor((t) => t.includes('No question is unsettled.'), 'the end of the challenge session');
    // SIGHUP (the terminal closed) is a stop like Ctrl-C: saved, lock gone.
    process.kill(lockPid(), 'SIGHUP');
    expect(await w.exitCode()).toBe(129);
    expect(membership()).toMatchObject({ answer: 'met', settled: { answer: 'met', reason: 'Attendance met the bar this year' } });
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 150_000);
});
