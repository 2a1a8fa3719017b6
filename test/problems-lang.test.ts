// A bad file is said in the language asked: `rate bad.yaml --lang cy` prints each problem in
// Welsh at the same file:line:col, and the English a problem records is its catalogue entry's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/i18n/catalogue.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadRoster } from '../src/model/roster.js';
import { BIN, BUNDLED, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-problems-'));
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'northbridge-2025.yaml'), 'utf8');
let n = 0;
const file = (text: string | Buffer) => {
  const f = join(tmp, `f${n++}.yaml`);
  writeFileSync(f, text);
  return f;
};
const dutykit = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const HEAD = 'framework: home-office-2018\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\n';

/** A copy of the bundled framework with `change` made to its framework.yaml. */
function brokenFramework(change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmp, 'fw-'));
  const src = join(BUNDLED, 'home-office-2018');
  for (const name of readdirSync(src)) writeFileSync(join(dir, name), readFileSync(join(src, name), 'utf8'));
  writeFileSync(join(dir, 'framework.yaml'), change(readFileSync(join(src, 'framework.yaml'), 'utf8')));
  return dir;
}

// One file for each kind of problem: [what, file, the Welsh it must say].
const CASES: [string, string, string][] = [
  ['no such file', join(tmp, 'missing.yaml'), "dim ffeil o'r fath"],
  ['empty', file(''), "mae'r ffeil yn wag"],
  ['binary', file(Buffer.from('a: 1\n\0')), 'ffeil ddeuaidd'],
  ['not UTF-8', file(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a])), 'nid yw\'n destun UTF-8 dilys'],
  ['a tab', file('a:\n\tb: 1\n'), 'mae tab yn mewnoli'],
  ['a second document', file('a: 1\n---\nb: 2\n'), 'mae ail ddogfen YAML'],
  ['a duplicate key', file('a: 1\na: 2\n'), 'allwedd ddyblyg "a"'],
  ['a list as a key', file('? [a]\n: 1\n'), 'nid rhestr'],
  ['not a mapping', file('- a\n'), 'disgwylid mapio allweddi'],
  ['no framework', file('authority: X\n'), 'gofynnol: id y fframwaith'],
  ['unknown framework', file('framework: home-offce-2018\n'), 'fframwaith anhysbys "home-offce-2018" (ai "home-office-2018" oedd dan sylw?)'],
  ['unknown key', file(`${HEAD}foo: 1\n`), 'allwedd anhysbys "foo"'],
  ['unknown benchmark', file(`${HEAD}benchmarks:\n  venue-hyre: {}\n`), 'meincnod anhysbys "venue-hyre" (ai "venue-hire" oedd dan sylw?)'],
  ['a wrong type', file(HEAD.replace('authority: X', 'authority: [1]')), 'disgwylid testun, ond cafwyd rhestr'],
  ['a number for text', file(`${HEAD}marking: { a: 1 }\n`), 'disgwylid testun, ond cafwyd mapio'],
  ['a required key', file('framework: home-office-2018\nperiod: 2024/25\ndate: 2025-03-12\n'), 'gofynnol: disgwylid testun'],
  ['a bad date', file(HEAD.replace('2025-03-12', '2025-13-12')), 'nid yw "2025-13-12" yn ddyddiad'],
  ['an answer word', file(`${HEAD}benchmarks:\n  venue-hire:\n    answers:\n      due-diligence: { answer: mett }\n`), 'ni chaniateir "mett"; disgwylid un o'],
  ['empty text', file(HEAD.replace('authority: X', 'authority: " "')), 'ni chaiff fod yn wag'],
  ['n/a without why', file(`${HEAD}benchmarks:\n  venue-hire:\n    answers:\n      due-diligence: { answer: n/a }\n`), "gofynnol pan fo'r ateb yn n/a"],
  ['a kind where none are declared', file(`${HEAD}kind: primary\n`), "nid yw'r fframwaith home-office-2018 yn datgan mathau o gorff"],
  ['a line break in a name', file(`${HEAD}contributor: { organisation: "A\\nB" }\n`), 'rhaid iddo fod yn un llinell o destun'],
  ['a framework whose rule names an unknown answer', file(HEAD.replace('home-office-2018', brokenFramework((t) => t.replace('answer: not-met, at_least: 1', 'answer: not-mett, at_least: 1')))), 'ateb anhysbys "not-mett" (ai "not-met" oedd dan sylw?)'],
  ['an agreed rating without a rationale', file(EXAMPLE.replace(/(\n {4}rating: amber\n) {4}rationale: >-\n(?: {6}[^\n]*\n)+/, '$1')), "mae'r sgôr a gytunwyd"],
];

/** Each line split at its position: `file:line:col: path: message` → [where, message]. */
const lines = (stderr: string) => stderr.trim().split('\n').map((l) => /^(.*?:\d+:\d+: (?:[\w.[\]-]+: )?)(.*)$/.exec(l)!.slice(1));

describe('a bad file is said in the language asked', () => {
  it.each(CASES)('%s: rate --lang cy says it in Welsh at the same file:line:col; English unchanged', (_what, f, welsh) => {
    const en = dutykit(['rate', f]);
    const cy = dutykit(['rate', f, '--lang', 'cy']);
    expect(en.status).toBe(2);
    expect(cy.status).toBe(2);
    expect(cy.stderr).toContain(welsh);
    const [e, c] = [lines(en.stderr), lines(cy.stderr)];
    expect(c.map((l) => l[0])).toEqual(e.map((l) => l[0]));
    c.forEach((l, i) => expect(l[1], `line ${i + 1} is still English`).not.toBe(e[i]![1]));
  });

  it('every problem the loader gives carries its catalogue entry, whose English is the message', () => {
    for (const [, f] of CASES) {
      const r = loadAssessment(f, BUNDLED);
      for (const p of r.problems ?? []) {
        expect(p.says, `${p.message} (${f})`).toBeDefined();
        expect(messages('en').t(p.says!.key, p.says!.params)).toBe(p.message);
      }
    }
  });

  it('a capped list: the last line counts the rest, in Welsh too', () => {
    const f = file(`${HEAD}${Array.from({ length: 105 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    expect(dutykit(['rate', f]).stderr).toContain(': and 5 more problems not shown; fix these and run again');
    expect(dutykit(['rate', f, '--lang', 'cy']).stderr).toContain(': 5 o broblemau eraill heb eu dangos; cywirwch y rhain a rhedwch eto');
  });

  it('report, diff and trend say it in the first language asked (cy,en: Welsh)', () => {
    const [, f] = CASES.find(([w]) => w === 'unknown key')!;
    const good = join(ROOT, 'examples', 'northbridge-2025.yaml');
    for (const args of [['report', f, '--stdout', '--lang', 'cy,en'], ['report', f, '--format', 'html', '--stdout', '--lang', 'cy'], ['diff', good, f, '--lang', 'cy'], ['trend', good, f, '--lang', 'cy,en']]) {
      const r = dutykit(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(`${f}:5:1: foo: allwedd anhysbys "foo"`);
      expect(r.stdout).toBe('');
    }
  });

  it('a roster: its problems too', () => {
    const f = file('framework: thurrock-schools-2020\nperiod: 2024/25\ndue: 2025-03-31\nbodies:\n  - { reference: "1", name: A, kind: primry }\n');
    const p = loadRoster(f, BUNDLED).problems!;
    expect(p.map((x) => messages('cy').t(x.says!.key, x.says!.params))).toEqual([expect.stringMatching(/^math anhysbys "primry" \(ai "primary" oedd dan sylw\?\); disgwylid un o /)]);
    expect(messages('en').t(p[0]!.says!.key, p[0]!.says!.params)).toBe(p[0]!.message);
  });

  it('English stays the default, word for word', () => {
    const [, f] = CASES.find(([w]) => w === 'unknown framework')!;
    expect(dutykit(['rate', f]).stderr).toBe(
      `${f}:1:12: framework: unknown framework "home-offce-2018" (did you mean "home-office-2018"?); bundled: home-office-2018, home-office-2024, thurrock-schools-2020, or give a folder holding framework.yaml\n`,
    );
  });
});
