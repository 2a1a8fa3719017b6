// `dutykit rollup` and `init --roster` as a user runs them: the built binary, its output,
// its warnings and its exit codes, on the example and on bad input.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dutykit, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rollup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EX = 'examples/schools';
const ROSTER = `${EX}/roster-2024-25.yaml`;
const PINNED = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) };
let n = 0;
const folder = () => {
  const d = join(tmp, `case-${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

describe('rollup on the example', () => {
  it('a roster in the folder is recognised, not read as a return, and no warning is given for it', () => {
    const r = dutykit(['rollup', EX, '--roster', ROSTER, '--json'], { env: PINNED });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout);
    expect(m.sections[0].returns).toBe(12);
    expect(m.sections[0].roster.missing.map((x: { name: string }) => x.name)).toEqual(['Westgate School', 'Brookside Primary School']);
  });

  it('without --roster, the roster is named in a warning and the returns still counted', () => {
    const r = dutykit(['rollup', EX, '--json'], { env: PINNED });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${EX}/roster-2024-25.yaml: warning: a roster, not a return; not read as one (give it with --roster to match the returns against it)\n`);
    expect(JSON.parse(r.stdout).sections[0].roster).toBeUndefined();
  });

  it('--fail-on missing,red exits 1 and says why; --fail-on decline needs --previous', () => {
    const r = dutykit(['rollup', EX, '--roster', ROSTER, '--format', 'md', '--fail-on', 'missing,red'], { env: PINNED });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('## Minimum Prevent standard for schools');
    expect(r.stderr).toContain('--fail-on missing: 2 returns not in');
    expect(r.stderr).toContain('--fail-on red: 3 bodies with a Red benchmark');
    expect(dutykit(['rollup', EX, '--fail-on', 'decline']).status).toBe(2);
    expect(dutykit(['rollup', EX, '--fail-on', 'late']).stderr).toContain('--fail-on: unknown condition "late"; expected missing, red, decline');
  });

  it('public Markdown: counts only, small numbers suppressed, no names', () => {
    const r = dutykit(['rollup', EX, '--roster', ROSTER, '--format', 'md', '--audience', 'public'], { env: PINNED });
    expect(r.status).toBe(0);
    // 14 expected and 12 counted would give 2 not returned; 8 Green of 12, 4 not Green.
    expect(r.stdout).toContain('Returns counted: not shown');
    expect(r.stdout).toContain('| 1 | Prevent training | 8 | fewer than 5 | fewer than 5 | fewer than 5 |');
    expect(r.stdout).toContain('| 14 | not shown | fewer than 5 | fewer than 5 | fewer than 5 |');
    for (const name of ['Westgate', 'Riverside', '900013', 'Chris Dunn', 'examples/']) expect(r.stdout).not.toContain(name);
  });

  it('--previous: a decline since the last round is listed and trips --fail-on decline', () => {
    const before = folder();
    const now = folder();
    cpSync(join(ROOT, EX, '900004-northbridge-academy.yaml'), join(before, 'a.yaml'));
    cpSync(join(ROOT, EX, '900004-northbridge-academy-february.yaml'), join(now, 'a.yaml'));
    for (const d of [before, now]) writeFileSync(join(d, 'a.yaml'), readFileSync(join(d, 'a.yaml'), 'utf8').replace('framework: thurrock-schools-2020', `framework: ${join(ROOT, 'benchmarks', 'thurrock-schools-2020')}`));
    const r = dutykit(['rollup', now, '--previous', before, '--fail-on', 'decline', '--format', 'md'], { env: PINNED });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('| 900004 | Northbridge Academy | Prevent training | Green | Amber |');
    expect(r.stderr).toContain('--fail-on decline: 2 ratings that declined');
  });

  it('--previous with --roster: last round’s return without a reference is still the same body, matched by name', () => {
    const before = folder();
    const now = folder();
    cpSync(join(ROOT, EX, '900004-northbridge-academy.yaml'), join(before, 'a.yaml'));
    cpSync(join(ROOT, EX, '900004-northbridge-academy-february.yaml'), join(now, 'a.yaml'));
    const old = readFileSync(join(before, 'a.yaml'), 'utf8');
    writeFileSync(join(before, 'a.yaml'), old.replace(/^reference: .*\n/m, ''));
    expect(readFileSync(join(before, 'a.yaml'), 'utf8')).not.toContain('900004');
    const r = dutykit(['rollup', now, '--roster', join(ROOT, EX, 'roster-2024-25.yaml'), '--previous', before, '--fail-on', 'decline', '--format', 'md'], { env: PINNED });
    expect(r.stdout).toContain('| 900004 | Northbridge Academy | Prevent training | Green | Amber |');
    expect(r.stderr).toContain('--fail-on decline: 2 ratings that declined');
    expect(r.status).toBe(1);
  });

  it('--previous: a return of the last round that cannot be matched is said, never passed over in silence', () => {
    const before = folder();
    const now = folder();
    cpSync(join(ROOT, EX, '900004-northbridge-academy.yaml'), join(before, 'a.yaml'));
    cpSync(join(ROOT, EX, '900004-northbridge-academy-february.yaml'), join(now, 'a.yaml'));
    writeFileSync(join(before, 'a.yaml'), readFileSync(join(before, 'a.yaml'), 'utf8').replace(/^reference: .*\n/m, ''));
    // No roster to match its name: not compared, and said.
    const bare = dutykit(['rollup', now, '--previous', before, '--fail-on', 'decline'], { env: PINNED });
    expect(bare.stderr).toContain(`${join(before, 'a.yaml')}: warning: this return of the last round has no reference, and without --roster it cannot be matched by name`);
    expect(bare.status).toBe(0);
    // A roster naming two bodies alike: not matched, and said.
    const roster = join(now, '..', 'roster-twice.yaml');
    const text = readFileSync(join(ROOT, EX, 'roster-2024-25.yaml'), 'utf8');
    writeFileSync(roster, text.replace('name: Westgate School', 'name: Northbridge Academy'));
    const twice = dutykit(['rollup', now, '--roster', roster, '--previous', before], { env: PINNED });
    expect(twice.stderr).toContain(`${join(before, 'a.yaml')}: warning: no reference, and 2 bodies on the roster are named Northbridge Academy`);
  });

  it('--previous without --roster: a body that returned last round and not this one is said, and a new reference under its name is pointed out', () => {
    const before = folder();
    const now = folder();
    const fw = (t: string) => t.replace('framework: thurrock-schools-2020', `framework: ${join(ROOT, 'benchmarks', 'thurrock-schools-2020')}`);
    const riverside = fw(readFileSync(join(ROOT, EX, '900003-riverside-infant-school.yaml'), 'utf8'));
    const castle = fw(readFileSync(join(ROOT, EX, '900005-castle-hill-school.yaml'), 'utf8'));
    // Last round Riverside had another reference (a new URN since, say); Castle Hill has not returned this round.
    writeFileSync(join(before, 'riverside.yaml'), riverside.replace('reference: "900003"', 'reference: "800003"'));
    writeFileSync(join(before, 'castle.yaml'), castle);
    writeFileSync(join(now, 'riverside.yaml'), riverside);
    const r = dutykit(['rollup', now, '--previous', before], { env: PINNED });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `${join(before, 'riverside.yaml')}: warning: Riverside Infant School (800003) sent a return last round, but no return of this round has its reference; ${join(now, 'riverside.yaml')} has its name, with the reference 900003: if it is the same body, its ratings are not compared (give --roster to match them)\n`,
    );
    expect(r.stderr).toContain(`${join(before, 'castle.yaml')}: warning: Castle Hill School (900005) sent a return last round, but no return of this round has its reference\n`);
    // In Welsh too.
    expect(dutykit(['rollup', now, '--previous', before, '--lang', 'cy'], { env: PINNED }).stderr).toContain('rhybudd: anfonodd Castle Hill School (900005) ffurflen y rownd ddiwethaf');
  });

  it('--previous with no returns in it (an empty folder, the folder above the rounds) is a usage error, not a comparison with nothing that passes --fail-on decline', () => {
    const empty = folder();
    const r = dutykit(['rollup', EX, '--previous', empty, '--fail-on', 'decline'], { env: PINNED });
    expect([r.status, r.stderr.split('\n').at(-2)]).toEqual([2, `dutykit: --previous: no returns found in ${empty}; give the folder or files of last round's returns (a folder inside it is not read)`]);
    const above = folder();
    mkdirSync(join(above, '2024'));
    cpSync(join(ROOT, EX, '900004-northbridge-academy.yaml'), join(above, '2024', 'a.yaml'));
    expect(dutykit(['rollup', EX, '--previous', above, '--fail-on', 'decline'], { env: PINNED }).status).toBe(2);
  });

  it("--previous naming this round's returns (the same folder, or a link to one of its files) is a usage error, not a comparison with itself", () => {
    const now = folder();
    cpSync(join(ROOT, EX, '900004-northbridge-academy.yaml'), join(now, 'a.yaml'));
    writeFileSync(join(now, 'a.yaml'), readFileSync(join(now, 'a.yaml'), 'utf8').replace('framework: thurrock-schools-2020', `framework: ${join(ROOT, 'benchmarks', 'thurrock-schools-2020')}`));
    const same = dutykit(['rollup', now, '--previous', now, '--fail-on', 'decline'], { env: PINNED });
    expect([same.status, same.stderr]).toEqual([2, `dutykit: --previous: ${join(now, 'a.yaml')} is one of this round's returns; give the folder or files of last round's returns\n`]);
    const linked = folder();
    symlinkSync(join(now, 'a.yaml'), join(linked, 'last-year.yaml'));
    const viaLink = dutykit(['rollup', now, '--previous', linked], { env: PINNED });
    expect(viaLink.status).toBe(2);
    expect(viaLink.stderr).toContain("is one of this round's returns");
  });
});

describe('rollup: other files and bad input', () => {
  it('a file that is not a return is named in a warning, not skipped in silence', () => {
    const d = folder();
    cpSync(join(ROOT, EX, '900001-northbridge-primary-school.yaml'), join(d, 'a.yaml'));
    writeFileSync(join(d, 'notes.md'), '# notes\n');
    writeFileSync(join(d, 'list.yaml'), '- one\n- two\n');
    mkdirSync(join(d, 'old'));
    const r = dutykit(['rollup', d, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `${join(d, 'list.yaml')}: warning: not a return (it has no framework: key); not read`,
      `${join(d, 'notes.md')}: warning: not a YAML file, so not a return; not read`,
      `${join(d, 'old')}: warning: a folder inside ${d}; not read (name it to include it)`,
    ]);
  });

  it('returns against two frameworks are reported in separate sections', () => {
    const r = dutykit(['rollup', `${EX}/900001-northbridge-primary-school.yaml`, 'examples/northbridge-2025.yaml', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).sections.map((s: { framework: { id: string } }) => s.framework.id)).toEqual(['home-office-2018', 'thurrock-schools-2020']);
  });

  it('with a roster, a return against another framework is an error at its framework key, exit 2', () => {
    const r = dutykit(['rollup', `${EX}/900001-northbridge-primary-school.yaml`, 'examples/northbridge-2025.yaml', '--roster', ROSTER]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`examples/northbridge-2025.yaml:2:12: framework: a return against home-office-2018, but the roster ${ROSTER} is for thurrock-schools-2020; roll it up on its own\n`);
    expect(r.stdout).toBe('');
  });

  it('a return with an unknown kind: file:line:col, exit 2, nothing printed on stdout', () => {
    const d = folder();
    writeFileSync(join(d, 'a.yaml'), readFileSync(join(ROOT, EX, '900001-northbridge-primary-school.yaml'), 'utf8').replace('kind: primary', 'kind: infant'));
    const r = dutykit(['rollup', d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a\.yaml:5:7: kind: "infant" is not allowed; expected one of primary, /);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['an entry without a reference', (t: string) => t.replace('reference: "900002", ', ''), /roster\.yaml:8:5: bodies\[1\]\.reference: required/],
    ['an unknown kind', (t: string) => t.replace('kind: special', 'kind: specal'), /roster\.yaml:13:\d+: bodies\[6\]\.kind: unknown kind "specal" \(did you mean "special"\?\)/],
    ['a duplicate reference', (t: string) => t.replace('reference: "900014"', 'reference: "900001"'), /roster\.yaml:20:\d+: bodies\[13\]\.reference: reference "900001" is listed twice \(also bodies\[0\], Northbridge Primary School\)/],
  ])('a roster with %s: exit 2 at its line and column', (_name, edit, expected) => {
    const d = folder();
    const text = readFileSync(join(ROOT, ROSTER), 'utf8');
    expect(edit(text)).not.toBe(text);
    writeFileSync(join(d, 'roster.yaml'), edit(text));
    const r = dutykit(['rollup', EX, '--roster', join(d, 'roster.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('init --roster', () => {
  it('writes one blank return per body, filled in, and never overwrites one', () => {
    const d = join(folder(), 'returns');
    const first = dutykit(['init', '--roster', ROSTER, '--out', d]);
    expect(first.status).toBe(0);
    const files = readdirSync(d).sort();
    expect(files).toHaveLength(14);
    expect(files).toContain('900006-ysgol-gynradd-ty-gwyn.yaml');
    const tyGwyn = readFileSync(join(d, '900006-ysgol-gynradd-ty-gwyn.yaml'), 'utf8');
    expect(tyGwyn).toMatch(/^authority: Ysgol Gynradd Tŷ Gwyn$/m);
    expect(tyGwyn).toMatch(/^kind: primary$/m);
    expect(tyGwyn).toMatch(/^reference: "900006"$/m);
    expect(tyGwyn).toMatch(/^period: 2024\/25$/m);
    expect(tyGwyn).not.toContain('risk-assessment:'); // not asked of a primary
    expect(readFileSync(join(d, '900013-westgate-school.yaml'), 'utf8')).toContain('risk-assessment:');
    // Blank, but every field the roster gives is filled and valid: it validates once answered.
    writeFileSync(join(d, '900001-northbridge-primary-school.yaml'), 'filled in by the school\n');
    const again = dutykit(['init', '--roster', ROSTER, '--out', d]);
    expect(again.status).toBe(0);
    expect(readFileSync(join(d, '900001-northbridge-primary-school.yaml'), 'utf8')).toBe('filled in by the school\n');
    expect(again.stderr).toContain('0 blank returns written, 14 kept');
  });

  it('needs --out, and refuses a file with it', () => {
    expect(dutykit(['init', '--roster', ROSTER]).stderr).toContain('--roster needs --out <folder>');
    expect(dutykit(['init', 'x.yaml', '--roster', ROSTER, '--out', tmp]).status).toBe(2);
    expect(existsSync(join(ROOT, 'x.yaml'))).toBe(false);
  });
});
