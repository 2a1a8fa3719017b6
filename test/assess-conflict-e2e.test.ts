// Another program saves the file during `assess` (an editor, a sync client): the answer just
// given is kept, in a real terminal (tmux).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessCommand, BIN, hasTmux, loadOrFail, needsBuild, terminalEachTest, type Terminal } from './helpers/tmux.js';

/** The screen's text with dutykit's own wrapping undone: a line wider than the terminal goes on indented (output.ts). */
const unwrapped = (text: string) => text.replace(/\n {2,}/g, ' ');

const assess = assessCommand;

let dir: string;
let file: string;
let term: Terminal;

needsBuild();

const load = () => loadOrFail(file);
/** Another program's edit: `from` replaced by `to` in the file's text. */
const theirEdit = (from: RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe.skipIf(!hasTmux)('another program saves the file during assess (tmux)', () => {
  const each = terminalEachTest('dutykit-conflict-');
  beforeEach(() => {
    ({ dir, term } = each);
    file = join(dir, 'a.yaml');
    execFileSync('node', [BIN, 'init', file, '--authority', 'Riverside', '--period', '2024/25', '--date', '2025-03-12'], { stdio: 'pipe' });
  });

  it('their change elsewhere: both are kept, and the walk-through carries on', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    theirEdit(/^period: .*$/m, 'period: 2024/26   # corrected by the clerk');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    expect(unwrapped(w.text())).toContain('was saved by another program meanwhile, in other places: your answer is added to that version.');
    w.type('CTLP briefing');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(readFileSync(file, 'utf8')).toContain('period: 2024/26   # corrected by the clerk');
    expect(load()).toMatchObject({ period: '2024/26' });
    expect(load().benchmarks['local-risk-assessment']!.answers['ctlp-used']).toMatchObject({ answer: 'met', evidence: 'CTLP briefing' });
  }, 60_000);

  it('their change to the same answer: theirs stays, ours is shown to give again, with the command that carries on', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    theirEdit(/(ctlp-used:\n(?:.*\n)*? +evidence:)\n/, '$1 Their evidence\n');
    w.type('Our evidence, typed in the meeting');
    w.keys('Enter');
    expect(await w.exitCode()).toBe(2);
    const text = unwrapped(w.text());
    expect(text).toContain('was saved by another program while you answered, changing the same field, so your answer was not saved.');
    expect(text).toContain('benchmarks.local-risk-assessment.answers.ctlp-used.evidence: Our evidence, typed in the meeting');
    expect(text).toMatch(new RegExp(`then carry on with: node \\S+ assess ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(load().benchmarks['local-risk-assessment']!.answers['ctlp-used']).toMatchObject({ answer: 'met', evidence: 'Their evidence' });
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});
