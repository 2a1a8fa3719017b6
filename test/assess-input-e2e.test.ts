// What is typed and pasted into `assess`, in a real terminal (tmux): a paste is sent as one
// write, as a terminal sends it, with and without the brackets that mark a paste; links are
// kept as the file has them and new ones go one per line.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessCommand as assess, BIN, hasTmux, loadOrFail, needsBuild, terminalEachTest, type Terminal } from './helpers/tmux.js';

let dir: string;
let file: string;
let term: Terminal;

needsBuild();

const answers = () => loadOrFail(file).benchmarks['local-risk-assessment']!.answers;

/** For each test of the calling suite: a new folder with a blank assessment `file`, and a terminal in it. */
function blankFileEachTest(): void {
  const each = terminalEachTest('dutykit-paste-');
  beforeEach(() => {
    ({ dir, term } = each);
    file = join(dir, 'a.yaml');
    execFileSync('node', [BIN, 'init', file, '--authority', 'Riverside', '--period', '2024/25', '--date', '2025-03-12'], { stdio: 'pipe' });
  });
}

describe.skipIf(!hasTmux)('pasting into assess (tmux)', () => {
  blankFileEachTest();

  it('keeps every line of a multi-line paste, in order, blank lines too (no paste brackets)', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    // Ends with a line break, as text copied whole from minutes does: that one answers.
    w.paste('CTLP briefing, 12 March 2025\nSection 2: findings used\n\nŴyn Jones, “minutes” p. 4\n');
    await w.prompt('Evidence, line 2');
    w.keys('Enter');
    await w.prompt('Links');
    w.keys('Enter');
    await w.prompt('Date the evidence was last reviewed');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(answers()['ctlp-used']!.evidence).toBe('CTLP briefing, 12 March 2025\nSection 2: findings used\n\nŴyn Jones, “minutes” p. 4');
  }, 60_000);

  it('keeps a bracketed paste whole, and its line breaks never answer the prompt', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('4', 'Enter');
    await w.prompt('Why does it not apply?');
    w.paste('No CTLP this year:\nthe police did not issue one.\n', true);
    // Still the live prompt: Enter inside the paste is a line break.
    await w.waitFor((t) => t.includes('the police did not issue one.'), 'the pasted text');
    await new Promise((r) => setTimeout(r, 300));
    expect(w.text()).toMatch(/^\? Why does it not apply\?/m);
    expect(answers()['ctlp-used']!.justification).toBeUndefined();
    w.keys('Enter');
    await w.prompt('Answer', 'Question 2 of 6');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(answers()['ctlp-used']).toMatchObject({ answer: 'n/a', justification: 'No CTLP this year:\nthe police did not issue one.' });
  }, 60_000);

  it('takes a 100,000-character single-line paste in seconds, intact', async () => {
    const long = Array.from({ length: 100_000 / 10 }, (_, i) => `ŵ${String(i).padStart(7, '0')}, `.slice(0, 10)).join('').slice(0, 100_000);
    expect(long).toHaveLength(100_000);
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    const started = Date.now();
    w.paste(`${long}\n`);
    await w.prompt('Evidence, line 2');
    const took = Date.now() - started;
    w.keys('Enter');
    await w.prompt('Links');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(answers()['ctlp-used']!.evidence).toBe(long.trim());
    expect(took).toBeLessThan(20_000); // @inquirer/input took about 26 s for 10,000 characters
  }, 120_000);
});

describe.skipIf(!hasTmux)('links in assess (tmux)', () => {
  blankFileEachTest();

  it('Enter keeps links with commas as they are; new links are taken one per line', async () => {
    const text = readFileSync(file, 'utf8').replace(
      /(ctlp-used:\n(?:.*\n)*?)( +)evidence:\n/,
      '$1$2evidence: CTLP briefing\n$2links: ["restricted/Minutes, March 2025.docx", "https://x.example/a?b=1,2"]\n',
    );
    writeFileSync(file, text);
    expect(answers()['ctlp-used']!.links).toHaveLength(2);
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    w.keys('Enter');
    await w.prompt('Links');
    expect(w.text()).toContain('  - restricted/Minutes, March 2025.docx\n  - https://x.example/a?b=1,2');
    w.keys('Enter');
    await w.prompt('Date the evidence was last reviewed');
    w.keys('Enter');
    await w.prompt('Answer', 'Question 2 of 6');
    expect(readFileSync(file, 'utf8')).toContain('links: ["restricted/Minutes, March 2025.docx", "https://x.example/a?b=1,2"]\n');

    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    w.type('Partner workshop notes');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    w.keys('Enter');
    await w.prompt('Links');
    w.type('restricted/Workshop, Nov 2024 – Siân.docx');
    w.keys('Enter');
    await w.prompt('Links, line 2');
    w.paste('https://x.example/a?b=1,2\nshared/Notes, 2025.pdf\n');
    await w.prompt('Links, line 3');
    w.keys('Enter');
    await w.prompt('Date the evidence was last reviewed');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    expect(answers()['local-knowledge']!.links).toEqual(['restricted/Workshop, Nov 2024 – Siân.docx', 'https://x.example/a?b=1,2', 'shared/Notes, 2025.pdf']);
  }, 60_000);
});
