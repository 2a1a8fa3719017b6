// Edges of the roll-up found by a hostile test: two returns of one body on one date (the file
// name chooses; that is said), and a roster the size of a region's schools.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoster } from '../src/model/roster.js';
import { BUNDLED, dutykit, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rollup-edges-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PRIMARY = join(ROOT, 'examples/schools/900001-northbridge-primary-school.yaml');

describe('two returns from one body with the same date', () => {
  const dir = join(tmp, 'same-day');
  mkdirSync(dir);
  cpSync(PRIMARY, join(dir, 'a.yaml'));
  // b differs in its answers and has no sign-off yet: `status` lists that for b alone.
  writeFileSync(join(dir, 'b.yaml'), readFileSync(PRIMARY, 'utf8').replaceAll('answer: met', 'answer: not-met').replace(/^sign_off:[\s\S]*$/m, 'sign_off: []\n'));
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');
  const warning = `${b}: warning: 2 returns from Northbridge Primary School (reference 900001) have the same date, 2025-03-10: ${a}, ${b}; ${b} is used, as the last in file-name order. Give the return that counts the later date, or remove the other\n`;

  it('rollup says which is used and why, in a warning and in the table; JSON says how it was chosen', () => {
    const r = dutykit(['rollup', dir, '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(warning);
    expect(r.stdout).toContain(`| 900001 | Northbridge Primary School | ${b} (10 March 2025; the same date: the last by file name) | ${a} (10 March 2025) |`);
    const j = JSON.parse(dutykit(['rollup', dir, '--json']).stdout);
    expect(j.sections[0].duplicates[0]).toMatchObject({ used: { file: b }, chosenBy: 'file name' });
  });

  it('status gives the same warning and uses the same return', () => {
    const r = dutykit(['status', dir, '--json'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) } });
    expect(r.stderr).toBe(warning);
    expect(JSON.parse(r.stdout).items).toEqual([{ date: '2025-03-10', kind: 'sign-off', overdue: false, name: 'Northbridge Primary School', file: b, text: 'not signed off' }]);
  });

  it('a later date decides without a warning, and says it was the date', () => {
    const d = join(tmp, 'later');
    mkdirSync(d);
    cpSync(PRIMARY, join(d, 'z.yaml'));
    writeFileSync(join(d, 'a.yaml'), readFileSync(PRIMARY, 'utf8').replace(/^date: .*$/m, 'date: 2025-03-20'));
    const r = dutykit(['rollup', d, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).sections[0].duplicates[0]).toMatchObject({ used: { file: join(d, 'a.yaml') }, chosenBy: 'date' });
  });
});

/** A roster of `n` bodies, one line each as in the example (about ten lines and entries a body). */
function roster(n: number): string {
  const file = join(tmp, `roster-${n}.yaml`);
  const bodies = Array.from({ length: n }, (_, i) => `  - { reference: "${100000 + i}", name: School ${i}, kind: primary, contact: dsl${i}@school.example }`);
  writeFileSync(file, `framework: thurrock-schools-2020\nperiod: 2024/25\ndue: 2025-03-31\nbodies:\n${bodies.join('\n')}\n`);
  return file;
}

describe('a roster the size of a region', () => {
  it('10,000 bodies load (an assessment would be refused at this size)', () => {
    const r = loadRoster(roster(10_000), BUNDLED);
    expect(r.problems).toBeUndefined();
    expect(r.value!.bodies).toHaveLength(10_000);
  });

  it('past its bound, the refusal speaks of a roster, at its line and column', () => {
    const file = roster(40_001);
    const r = dutykit(['rollup', join(ROOT, 'examples/schools'), '--roster', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: more than 400,000 lines and entries; a roster has about ten a body, so this allows some 40,000 bodies; split a larger one by area\\n$`));
    expect(r.stderr).not.toContain('assessment');
  });
});
