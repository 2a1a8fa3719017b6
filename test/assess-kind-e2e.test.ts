// `assess` on a framework with kinds of body, in a real terminal (tmux): the kind is asked with
// the details, before any question, and decides which questions are asked.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';
import { assessCommand as assess, hasTmux, needsBuild, terminalEachTest, type Terminal } from './helpers/tmux.js';

let dir: string;
let term: Terminal;

needsBuild();

describe.skipIf(!hasTmux)('assess asks the kind of body (tmux)', () => {
  const each = terminalEachTest('dutykit-kind-');
  beforeEach(() => void ({ dir, term } = each));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a new return: the kind is chosen after the name, and a secondary school is asked all eight questions', async () => {
    const w = term.run(assess('n.yaml --framework thurrock-schools-2020'));
    await w.prompt("The body's name (e.g. the school)");
    w.type('Castle Hill School');
    w.keys('Enter');
    const shown = await w.prompt('Kind of body');
    expect(shown).toContain('Primary school');
    expect(shown).toContain('Sixth form');
    w.keys('Down'); // Secondary school
    w.keys('Enter');
    await w.prompt('Period the assessment covers, e.g. 2024/25');
    w.type('2024/25');
    w.keys('Enter');
    await w.prompt('Date the group agrees the ratings (YYYY-MM-DD)');
    w.keys('Enter');
    await w.prompt('Protective marking, printed on every page');
    w.keys('Enter');
    await w.prompt('Assessor taking part (empty when done)');
    w.keys('Enter');
    const first = await w.prompt('Answer', 'Question 1 of');
    expect(first).toContain('0 of 8 questions answered');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    const text = readFileSync(join(dir, 'n.yaml'), 'utf8');
    expect(text).toMatch(/^kind: secondary$/m);
    expect(text).toMatch(/^authority: Castle Hill School$/m);
  }, 60_000);

  it('a return written without a kind: asked for it on resume, before the questions; a primary school is asked seven', async () => {
    const init = dutykit(['init', join(dir, 'p.yaml'), '--framework', 'thurrock-schools-2020', '--authority', 'Thameside Primary School', '--period', '2024/25', '--date', '2025-03-12']);
    expect(init.status).toBe(0);
    const w = term.run(assess('p.yaml'));
    await w.waitFor((t) => t.includes('p.yaml is missing its kind.'), 'the missing kind said');
    await w.prompt("The body's name (e.g. the school)");
    w.keys('Enter'); // keeps the name in the file
    await w.prompt('Kind of body');
    w.keys('Enter'); // Primary school, the first
    for (const p of ['Period the assessment covers, e.g. 2024/25', 'Date the group agrees the ratings (YYYY-MM-DD)', 'Protective marking, printed on every page', 'Assessor taking part (empty when done)']) {
      await w.prompt(p);
      w.keys('Enter');
    }
    const first = await w.prompt('Answer', 'Question 1 of');
    expect(first).toContain('0 of 7 questions answered');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    expect(text).toMatch(/^kind: primary$/m);
    expect(text).toMatch(/^authority: Thameside Primary School$/m);
  }, 60_000);
});
