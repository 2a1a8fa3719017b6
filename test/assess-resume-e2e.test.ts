// Stopped inside a question (its evidence, links or review date), `assess` carries on at that
// part when run again, in a real terminal (tmux). An answered question reads as done in the
// file, so before this the walk went on to the next question and the rest was never asked.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessCommand as assess, BIN, hasTmux, loadOrFail, needsBuild, terminalEachTest, type Terminal } from './helpers/tmux.js';

let file: string;
let term: Terminal;

needsBuild();

const first = () => loadOrFail(file).benchmarks['local-risk-assessment']!.answers['ctlp-used'];

describe.skipIf(!hasTmux)('resuming a question stopped part way (tmux)', () => {
  const each = terminalEachTest('dutykit-resume-');
  beforeEach(async () => {
    term = each.term;
    file = join(each.dir, 'r.yaml');
    const init = term.run(`node ${BIN} init ${file} --authority "Test Council" --period 2024/25 --date 2025-03-12`);
    expect(await init.exitCode()).toBe(0);
  });

  it('Ctrl-C in the evidence: the stop says what is still to ask, and the next run carries on at the next evidence line, then links and date', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of');
    w.keys('Enter'); // Met
    await w.prompt('Evidence');
    w.type('ev line 1');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    w.type('ev line 2');
    w.keys('Enter');
    await w.prompt('Evidence, line 3');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(w.text().replace(/\s+/g, ' ')).toContain(
      'Risk assessment uses the CTLP (benchmark 1, question 1) is not finished: more evidence, its links and its review date are still to be asked. Resuming carries on there.',
    );
    expect(first()).toMatchObject({ answer: 'met', evidence: 'ev line 1\nev line 2', links: [] });
    expect(existsSync(`${file}.unfinished`)).toBe(true);

    const again = term.run(assess(file));
    await again.prompt('Evidence, line 3', 'Carrying on where you stopped: Risk assessment uses the CTLP (benchmark 1, question 1), its evidence.');
    again.type('ev line 3');
    again.keys('Enter');
    await again.prompt('Evidence, line 4');
    again.keys('Enter');
    await again.prompt('Links');
    again.type('minutes/2025-01.pdf');
    again.keys('Enter');
    await again.prompt('Links, line 2');
    again.keys('Enter');
    await again.prompt('Date the evidence was last reviewed');
    again.type('2025-03-01');
    again.keys('Enter');
    await again.prompt('Answer', 'Question 2 of');
    again.keys('C-c');
    expect(await again.exitCode()).toBe(130);
    expect(first()).toMatchObject({ answer: 'met', evidence: 'ev line 1\nev line 2\nev line 3', links: ['minutes/2025-01.pdf'], reviewed: '2025-03-01' });
    // Finished, the place is forgotten: the stop at question 2's answer leaves none.
    expect(existsSync(`${file}.unfinished`)).toBe(false);
    expect(again.text()).not.toContain('is not finished');
  }, 90_000);

  it('Ctrl-C at the links, then at the review date: each run carries on at the part it stopped in', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of');
    w.keys('Enter');
    await w.prompt('Evidence');
    w.type('Minutes of the March board');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    w.keys('Enter');
    await w.prompt('Links');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(w.text().replace(/\s+/g, ' ')).toContain('is not finished: its links and its review date are still to be asked.');

    const second = term.run(assess(file));
    await second.prompt('Links', 'its links.');
    second.keys('Enter');
    await second.prompt('Date the evidence was last reviewed');
    second.keys('C-c');
    expect(await second.exitCode()).toBe(130);
    expect(second.text().replace(/\s+/g, ' ')).toContain('is not finished: its review date is still to be asked.');

    const third = term.run(assess(file));
    await third.prompt('Date the evidence was last reviewed', 'its review date.');
    third.type('2025-02-28');
    third.keys('Enter');
    await third.prompt('Answer', 'Question 2 of');
    third.keys('C-c');
    expect(await third.exitCode()).toBe(130);
    expect(first()).toMatchObject({ answer: 'met', evidence: 'Minutes of the March board', reviewed: '2025-02-28' });
    expect(existsSync(`${file}.unfinished`)).toBe(false);
  }, 120_000);

  it.each([
    ['a link to another file', (path: string, dir: string) => (writeFileSync(join(dir, 'victim.txt'), 'precious\n'), symlinkSync(join(dir, 'victim.txt'), path))],
    ['a pipe', (path: string) => execFileSync('mkfifo', [path])],
    ['a folder', (path: string) => mkdirSync(path)],
  ])('%s where the place would be kept is left alone: no hang, nothing written through it, and no promise to carry on', async (_what, plant) => {
    const dir = join(file, '..');
    const side = `${file}.unfinished`;
    plant(side, dir);
    // A pipe there once hung the next run for good (even Ctrl-C), before the first question.
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of');
    w.keys('Enter'); // Met
    await w.prompt('Evidence');
    w.type('ev line 1');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(w.text().replace(/\s+/g, ' ')).toContain('are still to be asked. Resuming goes on to the next question: answer this one again to finish it.');
    expect(first()).toMatchObject({ answer: 'met', evidence: 'ev line 1' });
    if (existsSync(join(dir, 'victim.txt'))) expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(lstatSync(side).isFile()).toBe(false);
  }, 60_000);
});
