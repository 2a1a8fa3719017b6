// Returns and rosters as schools write them, after the fourth hostile test of rollup and status:
// identifiers written unquoted, returns without a reference, blank returns, a file named twice.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadRoster } from '../src/model/roster.js';
import { BUNDLED, dutykit, ROOT } from './helpers.js';
import { schemaProblems } from './diff-helpers.js';
import { extract } from './pdf-extract.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rollup-returns-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCHOOLS = join(ROOT, 'examples/schools');
const RIVERSIDE = readFileSync(join(SCHOOLS, '900003-riverside-infant-school.yaml'), 'utf8');

let n = 0;
/** A folder of its own holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  const dir = join(tmp, `d${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A roster of the schools framework: one line per body, as `- { ... }`. */
const roster = (...bodies: string[]) => `framework: thurrock-schools-2020\nperiod: 2024/25\ndue: 2025-03-31\nbodies:\n${bodies.map((b) => `  - { ${b} }`).join('\n')}\n`;

describe('an identifier written unquoted is taken as written (finding 7)', () => {
  it('a roster keeps the leading zero of a URN, a name or a contact written as digits', () => {
    const dir = folder({ 'roster.yaml': roster('reference: 012345, name: 007, kind: primary, contact: 0800123', 'reference: 0x1F, name: B, kind: primary').replace('period: 2024/25', 'period: 2024.10') });
    const r = loadRoster(join(dir, 'roster.yaml'), BUNDLED);
    expect(r.problems).toBeUndefined();
    expect(r.value!.period).toBe('2024.10');
    expect(r.value!.bodies).toEqual([
      { reference: '012345', name: '007', kind: 'primary', contact: '0800123' },
      { reference: '0x1F', name: 'B', kind: 'primary' },
    ]);
  });

  it('a return keeps its reference, period and framework version as written', () => {
    const dir = folder({ 'r.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: 0900003').replace('framework_version: 1.0.0', 'framework_version: 1.10') });
    const r = loadAssessment(join(dir, 'r.yaml'), BUNDLED);
    expect(r.problems).toBeUndefined();
    expect(r.value!.assessment.reference).toBe('0900003');
    expect(r.value!.assessment.framework_version).toBe('1.10');
  });

  it('rollup matches an unquoted URN with a leading zero, quoted or not on either side', () => {
    const dir = folder({
      'roster.yaml': roster('reference: 0900003, name: Riverside Infant School, kind: primary', 'reference: "0900004", name: Other School, kind: primary'),
      'a.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: 0900003'),
      'b.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: 0900004').replace('"Riverside Infant School"', 'Other School'),
    });
    const r = dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--json', '--fail-on', 'missing']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const match = JSON.parse(r.stdout).sections[0].roster;
    expect(match.returned.map((x: { reference: string }) => x.reference)).toEqual(['0900003', '0900004']);
    expect(match.missing).toEqual([]);
    expect(match.notOnRoster).toEqual([]);
  });
});

describe('a return without a reference (finding 5)', () => {
  const noRef = RIVERSIDE.replace('reference: "900003"\n', '');
  const ROSTER = roster('reference: "900003", name: Riverside Infant School, kind: primary, contact: grace@r.example', 'reference: "900004", name: Other School, kind: primary');

  it('is matched to the one roster body of its name (folded as merge folds names), with a warning to add the reference', () => {
    const dir = folder({ 'roster.yaml': ROSTER, 'r.yaml': noRef.replace('"Riverside Infant School"', '"RIVERSIDE  infant school"') });
    const r = dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${join(dir, 'r.yaml')}: warning: no reference; matched to Riverside Infant School (reference 900003) on the roster by its name: add reference: "900003" to the return\n`);
    const match = JSON.parse(r.stdout).sections[0].roster;
    expect(match.returned).toEqual([{ reference: '900003', name: 'Riverside Infant School', date: '2025-03-05', file: join(dir, 'r.yaml') }]);
    expect(match.missing.map((x: { reference: string }) => x.reference)).toEqual(['900004']);
    expect(match.notOnRoster).toEqual([]);
  });

  it('status counts it returned too: only the body that did not return is "not in"', () => {
    const dir = folder({ 'roster.yaml': ROSTER, 'r.yaml': noRef });
    const r = dutykit(['status', dir, '--roster', join(dir, 'roster.yaml'), '--json'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) } });
    expect(r.stderr).toContain('warning: no reference; matched to Riverside Infant School (reference 900003)');
    const notIn = JSON.parse(r.stdout).items.filter((i: { kind: string }) => i.kind === 'return');
    expect(notIn.map((i: { name: string }) => i.name)).toEqual(['Other School']);
  });

  it('two bodies of that name: not matched, and the warning lists their references', () => {
    const dir = folder({ 'roster.yaml': roster('reference: "1", name: Riverside Infant School, kind: primary', 'reference: "2", name: Riverside Infant School, kind: primary'), 'r.yaml': noRef });
    const r = dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--json']);
    expect(r.stderr).toContain('warning: no reference, and 2 bodies on the roster are named Riverside Infant School (references 1, 2); counted as not on the roster: add the reference');
    const match = JSON.parse(r.stdout).sections[0].roster;
    expect(match.returned).toEqual([]);
    expect(match.notOnRoster).toHaveLength(1);
  });

  it('a reference decides over the name; a reference not on the roster is named, with the body of that name', () => {
    const dir = folder({ 'roster.yaml': ROSTER, 'r.yaml': RIVERSIDE.replace('reference: "900003"', 'reference: "900033"') });
    const r = dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--json']);
    expect(r.stderr).toContain('warning: reference 900033 is not on the roster, which lists Riverside Infant School as reference 900003; counted as not on the roster: check the reference');
    const match = JSON.parse(r.stdout).sections[0].roster;
    expect(match.returned).toEqual([]);
    expect(match.notOnRoster).toEqual([{ reference: '900033', name: 'Riverside Infant School', file: join(dir, 'r.yaml') }]);
  });
});

describe('a blank return (nothing answered) is not a return (finding 9)', () => {
  const ROSTER = join(SCHOOLS, 'roster-2024-25.yaml');
  const APRIL = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) };
  const MARCH = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 2, 20) / 1000) };
  /** The round as `init --roster` starts it, with Riverside's answered return (dated before the blanks' due date) beside its blank. */
  function round(): string {
    const dir = join(tmp, `round${n++}`);
    expect(dutykit(['init', '--roster', ROSTER, '--out', dir]).status).toBe(0);
    writeFileSync(join(dir, 'answered-riverside.yaml'), RIVERSIDE);
    return dir;
  }

  it('rollup: its body is not returned (begun, nothing answered), it is not counted, and --fail-on missing fails', () => {
    const dir = round();
    const r = dutykit(['rollup', dir, '--roster', ROSTER, '--json', '--fail-on', 'missing'], { env: MARCH });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('--fail-on missing: 13 returns not in\n');
    const s = JSON.parse(r.stdout).sections[0];
    expect(s.returns).toBe(1);
    // The blank dated on the due date does not displace the answered return of the same body.
    expect(s.duplicates).toEqual([]);
    expect(s.roster.returned).toEqual([{ reference: '900003', name: 'Riverside Infant School', date: '2025-03-05', file: join(dir, 'answered-riverside.yaml') }]);
    expect(s.roster.missing).toHaveLength(13);
    expect(s.roster.missing[0]).toEqual({ reference: '900001', name: 'Northbridge Primary School', kind: 'primary', kindLabel: 'Primary school', contact: 'Amira Shah, DSL <dsl@northbridge-primary.example>', overdue: false, started: join(dir, '900001-northbridge-primary-school.yaml') });
    const md = dutykit(['rollup', dir, '--roster', ROSTER, '--format', 'md'], { env: MARCH }).stdout;
    expect(md).toContain(`| 900001 | Northbridge Primary School | Primary school | Amira Shah, DSL \\<dsl@northbridge-primary.example\\> | not yet due; started, nothing answered (${join(dir, '900001-northbridge-primary-school.yaml')}) |`);
  });

  it('status --roster: the body is a return not in, begun; the blank gives no other line', () => {
    const dir = round();
    const r = dutykit(['status', dir, '--roster', ROSTER, '--json'], { env: APRIL });
    const items = JSON.parse(r.stdout).items as { kind: string; name: string; text: string }[];
    const brookside = items.filter((i) => i.name === 'Brookside Primary School');
    expect(brookside).toEqual([{ date: '2025-03-31', kind: 'return', overdue: true, name: 'Brookside Primary School', text: `return not in (reference 900014; started, nothing answered: ${join(dir, '900014-brookside-primary-school.yaml')}; contact Ellie Moss <office@brookside.example>)` }]);
    expect(items.filter((i) => i.kind === 'return')).toHaveLength(13);
    expect(items.some((i) => i.name === 'Riverside Infant School' && i.kind === 'return')).toBe(false);
  });

  it('without a roster, rollup names it in a warning and does not count it', () => {
    const dir = folder({ 'blank.yaml': readFileSync(join(round(), '900014-brookside-primary-school.yaml'), 'utf8') });
    const r = dutykit(['rollup', dir, '--json']);
    expect(r.stderr).toBe(`${join(dir, 'blank.yaml')}: warning: nothing is answered in this return yet; not counted as a return\n`);
    expect(JSON.parse(r.stdout).sections[0].returns).toBe(0);
    // In Welsh under --lang cy, as every other warning.
    const cy = dutykit(['rollup', dir, '--lang', 'cy']);
    expect(cy.stderr).toBe(`${join(dir, 'blank.yaml')}: rhybudd: nid oes dim wedi’i ateb yn y ffurflen hon eto; nid yw’n cael ei chyfrif fel ffurflen\n`);
  });
});

describe('one file named twice is one return (finding 12)', () => {
  it('rollup: the same path twice, a folder and a file in it, a link to it: read once, no duplicate', () => {
    const dir = folder({ 'r.yaml': RIVERSIDE });
    const file = join(dir, 'r.yaml');
    const other = folder({});
    symlinkSync(file, join(other, 'link.yaml'));
    const r = dutykit(['rollup', file, dir, file, join(other, 'link.yaml'), '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${file}: warning: named twice; read once\n${file}: warning: named twice; read once\n${join(other, 'link.yaml')}: warning: the same file as ${file} (named twice, or by a link); read once\n`);
    const s = JSON.parse(r.stdout).sections[0];
    expect(s.returns).toBe(1);
    expect(s.duplicates).toEqual([]);
  });

  it('status: a file named twice gives its lines once, and no same-date warning', () => {
    const dir = folder({ 'r.yaml': RIVERSIDE });
    const r = dutykit(['status', dir, join(dir, 'r.yaml'), '--json'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) } });
    expect(r.stderr).toBe(`${join(dir, 'r.yaml')}: warning: named twice; read once\n`);
    const once = JSON.parse(dutykit(['status', dir, '--json'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) } }).stdout).items;
    expect(JSON.parse(r.stdout).items).toEqual(once);
  });
});

describe('a roster value is one line (finding 14)', () => {
  it('a line break, an escape or another control character in a contact, name, kind or period is refused at its place', () => {
    const dir = folder({
      'roster.yaml': roster('reference: "1", name: "A\\u0007School", kind: primary, contact: "Ann\\nFORGED  line\\u001b[31m"', 'reference: "2", name: "\\u200b", kind: "prim\\u0007ary"').replace('period: 2024/25', 'period: "2024/25\\u2028x"'),
    });
    const file = join(dir, 'roster.yaml');
    const r = dutykit(['rollup', dir, '--roster', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const one = 'must be one line of text, without line breaks, tabs or other control characters';
    expect(r.stderr).toBe(
      [
        `${file}:2:9: period: ${one}`,
        `${file}:5:29: bodies[0].name: ${one}`,
        `${file}:5:70: bodies[0].contact: ${one}`,
        `${file}:6:29: bodies[1].name: an organisation needs a name that shows: this one is only invisible characters`,
        `${file}:6:45: bodies[1].kind: ${one}`,
        '',
      ].join('\n'),
    );
  });
});

describe('a SOURCE_DATE_EPOCH past the year 9999 (finding 11)', () => {
  const HUGE = { SOURCE_DATE_EPOCH: '99999999999999999' };
  const says = 'dutykit: SOURCE_DATE_EPOCH is 99999999999999999 seconds since 1970, after the year 9999; give at most 253402300799 (9999-12-31)\n';

  it.each([
    ['status', [join(SCHOOLS, '900003-riverside-infant-school.yaml')]],
    ['rollup', [SCHOOLS, '--roster', join(SCHOOLS, 'roster-2024-25.yaml')]],
    ['report', [join(ROOT, 'examples/northbridge-2025.yaml'), '--format', 'pdf', '--out', 'OUT/r.pdf']],
    ['init', ['OUT/new.yaml', '--authority', 'X', '--period', '2024/25']],
    ['benchmarks', []],
  ])('%s: a usage error naming it (exit 2), nothing written', (command, args) => {
    const out = folder({});
    const r = dutykit([command, ...args.map((a) => a.replace('OUT', out))], { env: HUGE });
    expect(r.stderr).toBe(says);
    expect(r.status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it('9999-12-31 itself is a date', () => {
    const r = dutykit(['status', join(SCHOOLS, '900003-riverside-infant-school.yaml'), '--json'], { env: { SOURCE_DATE_EPOCH: '253402300799' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).asOf).toBe('9999-12-31');
  });
});

describe('output never replaces a YAML input, through a link or not (finding 10)', () => {
  const NORTHBRIDGE = join(ROOT, 'examples/northbridge-2025.yaml');
  const ROSTER = join(SCHOOLS, 'roster-2024-25.yaml');
  const refused = (file: string) => `dutykit: cannot write ${file}: it is a YAML file (an assessment, a return or a roster), and output never replaces one; nothing was changed. Name another file for the output (if a link has this name, it leads to that YAML file: remove the link).\n`;

  it('rollup --out through a link to a return, or to a file that is a return under another name: refused, exit 2, the return as it was', () => {
    const dir = folder({ 'r.yaml': RIVERSIDE, 'kept.txt': RIVERSIDE });
    symlinkSync(join(dir, 'r.yaml'), join(dir, 'rollup.md'));
    symlinkSync(join(dir, 'kept.txt'), join(dir, 'other.md'));
    for (const name of ['rollup.md', 'other.md']) {
      const out = join(dir, name);
      const r = dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--format', 'md', '--out', out]);
      expect(r.stderr).toBe(refused(out));
      expect(r.status).toBe(2);
    }
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(RIVERSIDE);
    expect(readFileSync(join(dir, 'kept.txt'), 'utf8')).toBe(RIVERSIDE);
    expect(readdirSync(dir).sort()).toEqual(['kept.txt', 'other.md', 'r.yaml', 'rollup.md']);
  });

  it('rollup --out over its own earlier output still works', () => {
    const out = join(folder({}), 'rollup.md');
    expect(dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--format', 'md', '--out', out]).status).toBe(0);
    expect(dutykit(['rollup', SCHOOLS, '--roster', ROSTER, '--format', 'md', '--out', out]).status).toBe(0);
  });

  it("report: a report's file name linked to the assessment in the same folder is refused; no format is written", () => {
    const dir = folder({ 'assessment.yaml': readFileSync(NORTHBRIDGE, 'utf8') });
    const md = join(dir, '2025-03-12-northbridge-borough-council-prevent-self-assessment.md');
    symlinkSync(join(dir, 'assessment.yaml'), md);
    const r = dutykit(['report', join(dir, 'assessment.yaml'), '--out', dir, '--format', 'html,md']);
    expect(r.stderr).toBe(refused(md));
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'assessment.yaml'), 'utf8')).toBe(readFileSync(NORTHBRIDGE, 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['2025-03-12-northbridge-borough-council-prevent-self-assessment.md', 'assessment.yaml']);
  });
});

describe('diff of two returns of one body whose kind changed (finding 13)', () => {
  // Northbridge Academy's return as a primary school (not asked the risk assessment), then as the
  // secondary school it is, with the risk assessment not met.
  const secondary = readFileSync(join(SCHOOLS, '900004-northbridge-academy.yaml'), 'utf8').replace('risk-assessment: { answer: met', 'risk-assessment: { answer: not-met');
  const dir = folder({ 'old.yaml': secondary.replace(/^kind: secondary$/m, 'kind: primary'), 'new.yaml': secondary });
  const [oldFile, newFile] = [join(dir, 'old.yaml'), join(dir, 'new.yaml')];
  /** Wide enough that no table cell wraps a sentence. */
  const WIDE = { COLUMNS: '400' };
  const note = "the body's kind changed: Primary school → Secondary school; each side is compared as its kind is asked, and a question asked of one kind only is listed as now asked or no longer asked";

  it('text and Markdown say the kind changed, and the question now asked is not called new to the framework', () => {
    const text = dutykit(['diff', oldFile, newFile], { env: WIDE }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(note);
    expect(text).toContain("Green → Red: 'Risk assessment completed' (essential) is now not met: not asked of Primary school before");
    expect(text).toContain("'Risk assessment completed' (essential): now asked (not asked of Primary school before), answered Not met");
    expect(text).not.toContain('new in thurrock-schools-2020');
    expect(dutykit(['diff', oldFile, newFile, '--format', 'md']).stdout.replace(/\s+/g, ' ')).toContain(note);
  });

  it('the other way: no longer asked, not counted', () => {
    const text = dutykit(['diff', newFile, oldFile], { env: WIDE }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain("Red → Green: 'Risk assessment completed' (essential) is not asked of Primary school, so not counted (was not met)");
    expect(text).toContain("'Risk assessment completed' (essential): not asked of Primary school (was Not met), so not counted");
  });

  it('JSON gives each side its kind, the note and the change, and validates against schemas/diff.schema.json', () => {
    const json = JSON.parse(dutykit(['diff', oldFile, newFile, '--json']).stdout);
    expect([json.old.kind, json.new.kind]).toEqual(['primary', 'secondary']);
    expect(json.notes).toContain(note);
    const row = json.rows.find((r: { benchmark: { id: string } }) => r.benchmark.id === 'policy-referral-and-risk');
    expect(row.questions).toEqual([expect.objectContaining({ id: 'risk-assessment', change: 'now asked', to: 'not-met', decisive: true })]);
    expect(schemaProblems(JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8')), json)).toEqual([]);
  });
});

describe('wording (finding 17)', () => {
  it('rollup --fail-on counts one as one: "1 return not in", "1 body with a Red benchmark"', () => {
    // Castle Hill School's return has a Red benchmark; the other body on the roster has not returned.
    const dir = folder({
      'castle.yaml': readFileSync(join(SCHOOLS, '900005-castle-hill-school.yaml'), 'utf8'),
      'roster.yaml': roster('reference: "900005", name: Castle Hill School, kind: secondary', 'reference: "2", name: Other School, kind: primary'),
    });
    const r = dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--fail-on', 'missing,red']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('--fail-on missing: 1 return not in\n--fail-on red: 1 body with a Red benchmark\n');
    expect(dutykit(['rollup', dir, '--roster', join(dir, 'roster.yaml'), '--fail-on', 'missing', '--lang', 'cy']).stderr).toBe('--fail-on missing: 1 ffurflen heb ddod i law\n');
  });

  it('status --within past its limit says the limit, not that it is not a number', () => {
    const r = dutykit(['status', join(SCHOOLS, '900003-riverside-infant-school.yaml'), '--within', '99999999d']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('dutykit: --within: 99999999d is further ahead than status looks; give at most 9999d (some 27 years)\n');
    expect(dutykit(['status', join(SCHOOLS, '900003-riverside-infant-school.yaml'), '--within', '9999d']).status).toBe(0);
  });
});

describe('a file name with an escape sequence in a roll-up table (finding 16)', () => {
  it('text and Markdown show the sequence made visible, as messages do, never a shorter name', () => {
    const dir = folder({ 'a\x1b[2Jb.yaml': RIVERSIDE, 'c\x1b]0;x\x07d.yaml': RIVERSIDE });
    const rosterFile = join(folder({ 'roster.yaml': roster('reference: "1", name: X, kind: primary') }), 'roster.yaml');
    const text = dutykit(['rollup', dir, '--roster', rosterFile], { env: { COLUMNS: '400' } }).stdout;
    expect(text).not.toMatch(/[\x1b\x07]/);
    expect(text).toContain(`${dir}/c\\u001b]0;x\\u0007d.yaml (5 March 2025; the same date: the last by file name)`);
    expect(text).toContain(`${dir}/a\\u001b[2Jb.yaml (5 March 2025)`);
    expect(text).toContain(`│ 900003    │ Riverside Infant School │ ${dir}/c\\u001b]0;x\\u0007d.yaml │`);
    const md = dutykit(['rollup', dir, '--roster', rosterFile, '--format', 'md']).stdout;
    expect(md).not.toMatch(/[\x1b\x07]/);
    expect(md).toContain(`| 900003 | Riverside Infant School | ${dir}/c\\\\u001b\\]0;x\\\\u0007d.yaml |`);
  });
});

describe('rollup PDF columns (finding 15)', () => {
  it('a long file name or a name the font cannot draw does not squeeze the other columns into broken words', async () => {
    // Two returns of one body (long file names side by side) and a return named in Chinese, which
    // DejaVu Sans cannot draw: written [U+5317]..., eight characters a character.
    const dir = folder({
      '900004-northbridge-academy.yaml': readFileSync(join(SCHOOLS, '900004-northbridge-academy.yaml'), 'utf8'),
      '900004-northbridge-academy-february.yaml': readFileSync(join(SCHOOLS, '900004-northbridge-academy-february.yaml'), 'utf8'),
      'cjk.yaml': RIVERSIDE.replace('"Riverside Infant School"', '"北桥小学 Riverside"').replace('reference: "900003"', 'reference: "777"'),
    });
    const out = join(folder({}), 'rollup.pdf');
    const r = dutykit(['rollup', dir, '--roster', join(SCHOOLS, 'roster-2024-25.yaml'), '--format', 'pdf', '--out', out], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) } });
    expect(r.status, r.stderr).toBe(0);
    const lines = (await extract(readFileSync(out))).pages.flatMap((p) => p.text.split('\n'));
    const words = lines.flatMap((l) => l.split(/\s+/));
    // Every table's Reference heading and every school's name whole: never "Referen" / "ce", "Northbri" / "dge".
    for (const whole of ['Reference', 'Northbridge', 'Academy']) {
      const broken = words.filter((w) => w !== whole && w.length >= 2 && (whole.startsWith(w) || whole.endsWith(w)));
      expect(broken, whole).toEqual([]);
    }
    expect(words.filter((w) => w === 'Reference').length).toBeGreaterThanOrEqual(5);
    // The name the font lacks is said as code points, on one line in the table of returns not on the roster.
    expect(lines).toContain('[U+5317][U+6865][U+5C0F][U+5B66] Riverside');
  });
});
