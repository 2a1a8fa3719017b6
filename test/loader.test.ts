import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit, ROOT } from './helpers.js';
import { formatProblem } from '../src/errors.js';
import { tryOpen } from '../src/cli/open.js';
import { loadFramework } from '../src/model/load-framework.js';

const bad = (name: string) => join('test/fixtures/bad', `${name}.yaml`);
const problems = (file: string) => {
  const r = tryOpen(file);
  return r.problems ? r.problems.map(formatProblem) : [];
};

describe('one fixture per kind of bad input, with the exact message', () => {
  it.each([
    ['syntax', ['7:1: Flow map in block collection must be sufficiently indented and end with a }', '7:1: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['unknown-key', ['6:1: authorty: unknown key "authorty" (did you mean "authority"?)']],
    ['unknown-benchmark', ['7:3: benchmarks.venue-hir: unknown benchmark "venue-hir" (did you mean "venue-hire"?)']],
    ['unknown-question', ['9:7: benchmarks.venue-hire.answers.due-dilligence: unknown question "due-dilligence" (did you mean "due-diligence"?)']],
    ['bad-enum', ['8:13: benchmarks.venue-hire.rating: "yellow" is not allowed; expected one of red, amber, green']],
    ['bad-date', ['4:7: date: "12/03/2025" is not a date; write it as YYYY-MM-DD']],
    ['bad-action', [
      '9:40: benchmarks.venue-hire.actions[0].due: "2025-13-01" is not a date; write it as YYYY-MM-DD',
      '9:60: benchmarks.venue-hire.actions[0].status: "started" is not allowed; expected one of open, done',
    ]],
    ['na-without-justification', ['10:9: benchmarks.venue-hire.answers.leased-venues-covered.justification: required when the answer is n/a: say why the question does not apply']],
    ['override-without-rationale', ['13:13: benchmarks.training-programme.rating: agreed rating Green differs from the computed Red: add a rationale saying why']],
    ['empty', ['1:1: file is empty']],
    ['binary', ['3:1: binary file (contains a NUL byte); expected YAML text']],
    ['invalid-utf8', ['5:10: not valid UTF-8 text; save the file as UTF-8']],
    ['duplicate-key', ['6:1: duplicate key "authority": each key may appear only once here']],
    ['alias-bomb', ['1:1: too many alias expansions (the limit is 100): a YAML alias bomb is refused']],
    ['deep', ['2:68: nested more than 64 levels deep']],
    ['unknown-framework', ['1:12: framework: unknown framework "home-office-2081" (did you mean "home-office-2018"?); bundled: home-office-2018, home-office-2024, thurrock-schools-2020, or give a folder holding framework.yaml']],
    ['missing-authority', ['1:1: authority: required: expected text']],
    ['tab-indent', ['7:1: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces']],
    ['two-documents', ["5:1: a second YAML document starts here (a line '---' begins one); a file holds one assessment: remove the line, or split the file"]],
    ['wrong-type', ['8:14: benchmarks.venue-hire.actions: expected a list, found a mapping']],
  ])('%s', (name, expected) => {
    expect(problems(bad(name))).toEqual(expected.map((e) => `${bad(name)}:${e}`));
  });

  it('refuses a file over the size limit before reading it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-')), 'big.yaml');
    writeFileSync(file, 'framework: home-office-2018\n' + '#'.repeat(6 * 1024 * 1024));
    expect(problems(file)).toEqual([`${file}:1:1: file is 6.0 MB; the limit is 5 MB`]);
  });

  it.each([
    ['with a byte-order mark, little-endian (Notepad)', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['with a byte-order mark, big-endian', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
    ['without one', (t: string) => Buffer.from(t, 'utf16le')],
    ['empty: its byte-order mark alone', () => Buffer.from([0xff, 0xfe])],
  ])('says a file saved as UTF-16 (%s) is to be saved as UTF-8, not that it is binary', (_how, encode) => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-')), 'utf16.yaml');
    writeFileSync(file, encode('framework: home-office-2018\nauthority: X\n'));
    expect(problems(file)).toEqual([`${file}:1:1: saved as UTF-16 text (Windows Notepad calls it Unicode); save the file as UTF-8`]);
  });

  it.each([
    ['a run of NUL bytes', Buffer.alloc(1000)],
    ['UTF-32 with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('f\0\0\0r\0\0\0a\0\0\0m\0\0\0', 'latin1')])],
    ['UTF-32 without one', Buffer.from('f\0\0\0r\0\0\0a\0\0\0m\0\0\0e\0\0\0', 'latin1')],
  ])('says %s is binary, not UTF-16', (_what, bytes) => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-')), 'not-utf16.yaml');
    writeFileSync(file, bytes);
    expect(problems(file)[0]).toMatch(/: binary file \(contains a NUL byte\); expected YAML text$/);
  });

  it('names a file that does not exist', () => {
    expect(problems('no/such.yaml')).toEqual(['no/such.yaml:1:1: no such file']);
  });

  it('reports every problem of a file at once, in file order', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-')), 'many.yaml');
    writeFileSync(file, 'framework: home-office-2018\nauthority: X\nperiod: 1\ndate: 2025-02-30\ncolour: red\nbenchmarks:\n  venue-hire: { rating: Purple }\n');
    expect(problems(file).map((p) => p.slice(file.length + 1))).toEqual([
      '4:7: date: "2025-02-30" is not a date; write it as YYYY-MM-DD',
      '5:1: colour: unknown key "colour"',
      '7:25: benchmarks.venue-hire.rating: "Purple" is not allowed; expected one of red, amber, green',
    ]);
  });
});

describe('files as users save them', () => {
  it('reads a Windows file with a byte-order mark, CRLF line ends and capitalised words', () => {
    const r = tryOpen('test/fixtures/good/windows.yaml');
    expect(r.problems).toBeUndefined();
    const a = r.opened!.assessment;
    expect(a.authority).toBe('Gŵyr Council');
    expect(a.benchmarks['venue-hire']!.rating).toBe('green');
    expect(a.benchmarks['training-programme']!.answers['training-needs-assessment']!.answer).toBe('met');
  });

  it('reads both examples without problems', () => {
    expect(problems('examples/northbridge-2024.yaml')).toEqual([]);
    expect(problems('examples/northbridge-2025.yaml')).toEqual([]);
  });

  it('warns, without failing, when a file was written against another framework version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-'));
    const file = join(dir, 'old.yaml');
    writeFileSync(file, 'framework: home-office-2018\nframework_version: 0.9.0\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\n');
    const r = tryOpen(file);
    expect(r.opened!.warnings.map(formatProblem)).toEqual([`${file}:2:20: framework_version: warning: written against home-office-2018 0.9.0, read with version 1.0.0`]);
  });
});

describe('framework folders', () => {
  it('the bundled home-office-2018 framework loads with ten benchmarks in order', () => {
    const fw = loadFramework('benchmarks/home-office-2018');
    expect(fw.value?.benchmarks.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a rule naming an unknown answer word is reported where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-fw-'));
    const text = (name: string) => readFileSync(join('benchmarks/home-office-2018', name), 'utf8');
    writeFileSync(join(dir, 'framework.yaml'), text('framework.yaml').replace('answer: not-met, at_least: 1', 'answer: notmet, at_least: 1'));
    for (const b of loadFramework('benchmarks/home-office-2018').value!.benchmarks) writeFileSync(join(dir, `${b.id}.yaml`), text(`${b.id}.yaml`));
    const fw = loadFramework(dir);
    expect(fw.problems?.map((p) => `${p.line}:${p.col}: ${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^\d+:\d+: rules\[2\]\.when\.any\[0\]\.answer: unknown answer "notmet" \(did you mean "not-met"\?\)$/),
    ]);
  });
});

describe('framework mappings', () => {
  it('a maps_from entry naming a benchmark the framework lacks is reported where it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-fw-'));
    const src = 'benchmarks/home-office-2024';
    const text = (name: string) => readFileSync(join(src, name), 'utf8');
    writeFileSync(join(dir, 'framework.yaml'), text('framework.yaml').replace('venue-hire: reducing-permissive-environments', 'venue-hire: reducing-permisive-environments'));
    for (const b of loadFramework(src).value!.benchmarks) writeFileSync(join(dir, `${b.id}.yaml`), text(`${b.id}.yaml`));
    expect(loadFramework(dir).problems?.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'maps_from.benchmarks.venue-hire: maps to "reducing-permisive-environments", which is not a benchmark of this framework (did you mean "reducing-permissive-environments"?)',
    ]);
  });
});

describe('warnings that do not stop a file loading', () => {
  it('a review date after the assessment date is most likely mistyped', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-')), 'future.yaml');
    writeFileSync(file, 'framework: home-office-2018\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\nbenchmarks:\n  venue-hire:\n    answers:\n      due-diligence: { answer: met, reviewed: 2052-03-01 }\n');
    const r = tryOpen(file);
    expect(r.opened!.warnings.map(formatProblem)).toEqual([
      `${file}:8:47: benchmarks.venue-hire.answers.due-diligence.reviewed: warning: reviewed 2052-03-01, after the assessment date 2025-03-12`,
    ]);
  });
});

describe('suggestions for answer words written as phrases', () => {
  it.each([
    ['Not Met', 'not-met'],
    ['partly met', 'partly'],
    ['mett', 'met'],
  ])('"%s" suggests "%s"', (typed, meant) => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-')), 'phrase.yaml');
    writeFileSync(file, `framework: home-office-2018\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\nbenchmarks:\n  venue-hire:\n    answers:\n      due-diligence: { answer: ${typed} }\n`);
    expect(problems(file).join('\n')).toContain(`(did you mean "${meant}"?)`);
  });
});

describe('many files in one run (zod checks past the fourth with its compiled fast path)', () => {
  it('every copy of a file is read alike: the same problems for a bad one, the same ratings for a good one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-many-'));
    const good = readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8');
    const bad = good.replace(/^date: .*$/m, 'date: 2025-13-01').replaceAll('answer: met', 'answer: mett');
    const names = Array.from({ length: 7 }, (_, i) => join(dir, `c${i}.yaml`));
    names.forEach((f) => writeFileSync(f, bad));
    const invalid = dutykit(['validate', ...names]);
    const per = names.map((f) => invalid.stderr.split('\n').filter((l) => l.startsWith(`${f}:`)).map((l) => l.slice(f.length)));
    expect(per[0]!.length).toBeGreaterThan(5);
    for (const p of per) expect(p).toEqual(per[0]);
    names.forEach((f) => writeFileSync(f, good));
    const trend = JSON.parse(dutykit(['trend', ...names, '--json']).stdout) as { points: { counts: unknown }[]; rows: { cells: { rating: string }[] }[] };
    expect(trend.points.map((p) => p.counts)).toEqual(names.map(() => ({ red: 1, amber: 3, green: 6, unrated: 0 })));
    for (const row of trend.rows) expect(new Set(row.cells.map((c) => c.rating)).size).toBe(1);
  });
});

describe('a return without its kind', () => {
  it.each([
    ['missing', (t: string) => t.replace(/^kind: .*\n/m, '')],
    ['empty', (t: string) => t.replace(/^kind: .*$/m, 'kind:')],
  ])('%s: "required: one of …", never a JavaScript value', (_what, edit) => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-kind-'));
    const file = join(dir, 'r.yaml');
    writeFileSync(file, edit(readFileSync(join(ROOT, 'examples/schools/900001-northbridge-primary-school.yaml'), 'utf8')));
    const r = dutykit(['rate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/: kind: required: one of primary, secondary, all-through, special, alternative-provision, sixth-form, college\n$/);
    expect(dutykit(['rate', file, '--lang', 'cy']).stderr).toContain(': kind: gofynnol: un o primary, secondary');
  });
});

describe("a framework's numbers out of range, in the language asked", () => {
  it.each([
    ['evidence_valid_months: 0', 'evidence_valid_months: must be at least 1', 'evidence_valid_months: rhaid iddo fod yn 1 o leiaf'],
    ['evidence_valid_months: 500', 'evidence_valid_months: must be at most 120', 'evidence_valid_months: rhaid iddo fod yn 120 ar y mwyaf'],
    ['evidence_valid_months: 1.5', 'evidence_valid_months: expected a whole number, found number 1.5', 'evidence_valid_months: disgwylid rhif cyfan, ond cafwyd rhif 1.5'],
  ])('%s', (line, english, welsh) => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-range-'));
    cpSync(join(ROOT, 'benchmarks/home-office-2018'), join(dir, 'fw'), { recursive: true });
    const fw = join(dir, 'fw', 'framework.yaml');
    writeFileSync(fw, readFileSync(fw, 'utf8').replace(/^id: .*$/m, 'id: my-fw').replace(/^evidence_valid_months: .*$/m, line));
    const file = join(dir, 'a.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8').replace('framework: home-office-2018', 'framework: ./fw'));
    expect(dutykit(['rate', file]).stderr).toContain(`${fw}:15:24: ${english}\n`);
    expect(dutykit(['rate', file, '--lang', 'cy']).stderr).toContain(`${fw}:15:24: ${welsh}\n`);
  });
});

describe('a list past its limit keeps the words its schema gives', () => {
  it('a roster with no body says how to list one, not only "needs at least 1 entry"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-empty-roster-'));
    const roster = join(dir, 'roster.yaml');
    writeFileSync(roster, 'framework: thurrock-schools-2020\nperiod: 2024/25\ndue: 2025-03-31\nbodies: []\n');
    const r = dutykit(['rollup', join(ROOT, 'examples/schools/900001-northbridge-primary-school.yaml'), '--roster', roster]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${roster}:4:9: bodies: list at least one body: - { reference: ..., name: ..., kind: ..., contact: ... }\n`);
  });
});
