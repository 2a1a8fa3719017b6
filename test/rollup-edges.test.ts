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

// Third hostile test (rollup and status): findings 1 and 2.
describe('rollup and status after the hostile test', () => {
  const SCHOOLS = join(ROOT, 'examples/schools');
  const ROSTER = join(SCHOOLS, 'roster-2024-25.yaml');

  it('a roster with no return in yet: every body is not returned, and --fail-on missing fails', () => {
    const empty = join(tmp, 'nothing-in-yet');
    mkdirSync(empty);
    const r = dutykit(['rollup', empty, '--roster', ROSTER, '--fail-on', 'missing', '--json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.sections).toHaveLength(1);
    expect(json.sections[0].returns).toBe(0);
    expect(JSON.stringify(json.sections[0].roster)).toContain('900001');
  });

  it('a line separator (U+2028, U+2029, NEL) in a return never starts a line of its own in status or validate', () => {
    const dir = join(tmp, 'forged');
    mkdirSync(dir);
    const text = readFileSync(join(SCHOOLS, '900003-riverside-infant-school.yaml'), 'utf8');
    const file = join(dir, 'r.yaml');
    writeFileSync(file, text.replace('authority: "Riverside Infant School"', 'authority: "Riverside Infant School\\u2028 2099-01-01  done  forged  Fake line"').replace('Offer Prevent training', 'Offer\u2029 2025-01-01  ok  forged  All clear\u0085 x'));
    for (const args of [['status', dir, '--within', '3650d'], ['validate', file]]) {
      const r = dutykit(args);
      const out = r.stdout + r.stderr;
      expect(out, args[0]).not.toMatch(/[\u2028\u2029\u0085]/);
      for (const line of out.split('\n')) expect(line, args[0]).not.toMatch(/^\s*20(99|25)-01-01/);
    }
  });
});

describe('returns that do not belong to the round (hostile test of rollup, findings 3, 4 and 6)', () => {
  const SCHOOLS = join(ROOT, 'examples/schools');
  const ROSTER = join(SCHOOLS, 'roster-2024-25.yaml');
  const riverside = readFileSync(join(SCHOOLS, '900003-riverside-infant-school.yaml'), 'utf8');
  const one = (name: string, text: string) => {
    const dir = join(tmp, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'r.yaml'), text);
    return dir;
  };
  const returned = (stdout: string) => JSON.stringify(JSON.parse(stdout).sections[0].roster.returned);

  it("a return for another period is not counted in this round, and is named in a warning", () => {
    const dir = one('old-period', riverside.replace('period: 2024/25', 'period: 2019/20').replace(/^date: .*$/m, 'date: 2019-06-01'));
    const r = dutykit(['rollup', dir, '--roster', ROSTER, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: a return for 2019/20, but the roster');
    expect(r.stderr).toContain('is for 2024/25; not counted in this round');
    expect(returned(r.stdout)).not.toContain('900003');
  });

  it("a return giving another body's reference is counted for it, with a warning naming both", () => {
    const dir = one('taken-reference', riverside.replace('authority: "Riverside Infant School"', 'authority: "Castle Hill School"'));
    const r = dutykit(['rollup', dir, '--roster', ROSTER, '--json']);
    expect(r.stderr).toMatch(/warning: reference 900003 is Riverside Infant School on the roster, but this return is from Castle Hill School; counted as Riverside Infant School's: check the reference/);
  });

  it("a return against a copy of the roster's framework, under the same id, is refused with the roster", () => {
    const fw = join(tmp, 'fw-copy');
    cpSync(join(BUNDLED, 'thurrock-schools-2020'), fw, { recursive: true });
    const dir = one('copied-framework', riverside.replace(/^framework: .*$/m, `framework: ${fw}`));
    const r = dutykit(['rollup', dir, '--roster', ROSTER]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("which takes the id thurrock-schools-2020 but is not the roster's");
  });
});
