// Every command, run as a user would on a hostile world (framework folder, assessments and
// file names full of escapes): nothing from outside reaches stdout or stderr raw.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit, ROOT } from './helpers.js';
import { hostileWorld, RAW } from './helpers/hostile-fixture.js';

const w = hostileWorld();
const broken = join(w.dir, 'broken \x1b[31m\u202e.yaml');
writeFileSync(broken, `framework: home-office-2018\nauthority: "\x1b]0;owned\x07 \x9b2J"\nperiod: [\n`);
const missing = join(w.dir, 'missing \x1b]52;c;ZXZpbA==\x07.yaml');

/** [arguments, expected exit code] for every command and the paths through it that print. */
const RUNS: [string[], number][] = [
  [['validate', w.old, w.now, w.folder], 0],
  [['validate', '--json', w.now, w.folder], 0],
  [['validate', broken, missing, w.now], 1],
  [['benchmarks', '--framework', w.folder], 0],
  [['benchmarks', '--framework', w.folder, 'venue-hire'], 0],
  [['benchmarks', '--framework', w.folder, '--json'], 0],
  [['benchmarks', '--framework', w.folder, 'venue-hire', '--json'], 0],
  [['benchmarks', '--framework', w.folder, 'no-such-\x1b[31m'], 2],
  [['rate', w.now], 0],
  [['rate', w.now, '--json'], 0],
  [['rate', broken], 2],
  [['rate', missing], 2],
  [['report', w.now, '--stdout'], 0],
  [['report', w.now, '--stdout', '--format', 'json'], 0],
  [['report', w.now, '--stdout', '--audience', 'public', '--previous', w.old], 0],
  [['report', w.old, '--stdout', '--previous', w.now], 0],
  [['report', w.now, '--out', join(w.dir, 'out \x1b[31m'), '--format', 'md,json'], 0],
  [['report', w.now, '--out', join(w.dir, 'out \x1b[31m'), '--json'], 0],
  [['diff', w.old, w.now], 0],
  [['diff', w.old, w.now, '--format', 'md'], 0],
  [['diff', w.old, w.now, '--json'], 0],
  [['diff', w.old, w.now, '--fail-on', 'decline,change'], 1],
  [['diff', broken, w.now], 2],
  [['trend', w.old, w.now], 0],
  [['trend', w.old, w.now, '--format', 'md'], 0],
  [['trend', w.old, w.now, '--json'], 0],
  [['init', join(w.dir, 'init \x1b[2J\u202e.yaml'), '--framework', w.folder], 0],
  [['init', join(w.dir, 'init \x1b[2J\u202e.yaml'), '--framework', w.folder], 2],
  [['init', join(w.dir, 'init-json.yaml'), '--framework', w.folder, '--json'], 0],
];

const show = (s: string) => JSON.stringify(s.match(new RegExp(`.{0,40}${RAW.source}.{0,40}`))?.[0]);

describe('no raw control reaches the terminal', () => {
  it.each(RUNS)('dutykit %j', (args, status) => {
    const r = dutykit(args, { cwd: w.dir });
    expect(r.status, r.stderr).toBe(status);
    expect(r.stdout + r.stderr).not.toBe('');
    expect(r.stdout, show(r.stdout)).not.toMatch(RAW);
    expect(r.stderr, show(r.stderr)).not.toMatch(RAW);
  });
});

describe('file names are shown exactly, their controls made visible', () => {
  it('validate: ok lines and file:line:col problems', () => {
    const r = dutykit(['validate', broken, w.now], { cwd: w.dir });
    expect(r.stderr).toMatch(/broken \\u001b\[31m\\u202e\.yaml:\d+:\d+: /);
    expect(r.stdout).toContain('FAIL  ' + join(w.dir, 'broken \\u001b[31m\\u202e.yaml: '));
    expect(r.stdout).toContain('ok    ' + join(w.dir, 'new \\u001b[2J\\u009b31m.yaml: '));
  });

  it('report: "wrote" names each file as it is on disk', () => {
    const out = join(w.dir, 'named \x1b[31m');
    const r = dutykit(['report', w.now, '--out', out], { cwd: w.dir });
    expect(r.status, r.stderr).toBe(0);
    const [file] = readdirSync(out);
    expect(r.stderr).toContain(`wrote ${join(w.dir, 'named \\u001b[31m', file!)}`);
  });

  it('init: the blank names the framework folder, and writes no raw control into its comments', () => {
    const file = join(w.dir, 'blank.yaml');
    const r = dutykit(['init', file, '--framework', w.folder], { cwd: w.dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${file}:`);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('#')).join('\n')).not.toMatch(RAW);
    expect(dutykit(['validate', file], { cwd: w.dir }).stderr).not.toMatch(RAW);
  });
});

describe('JSON keeps the text exactly, with no control written raw', () => {
  it('rate --json parses back to the hostile text', () => {
    const r = dutykit(['rate', w.now, '--json'], { cwd: w.dir });
    expect(r.stdout).toContain('\\u001b[31m');
    expect(r.stdout).toContain('\\u009b');
    expect(r.stdout).toContain('\\u202e');
    expect((JSON.parse(r.stdout) as { authority: string }).authority).toMatch(/\x1b\[31mred\x1b\[0m .*\x9b31m .*in\u202evoice/);
  });
});

describe('one way out', () => {
  // Text reaches the terminal only through the writers in src/cli/output.ts, which take a
  // `Term` (src/outside.ts); the few other writes are named here, each with its reason.
  const ALLOWED: Record<string, string> = {
    'src/cli/output.ts': 'the writers themselves',
    'src/cli/commands/assess.ts': 'the walk-through\'s `say`, through withColour',
  };

  it('no other module writes to stdout or stderr', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const writers = files
      .map((f) => `src/${f.split(sep).join('/')}`)
      .filter((f) => /process\.std(out|err)\.write|console\.(log|error|warn|info)/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(writers.sort()).toEqual(Object.keys(ALLOWED).sort());
  });
});

describe('a line break from a file never forges a line of ours', () => {
  // Authority, period and marking are kept as written (with their line breaks); on a line of
  // dutykit's own (a heading, a counts line, a note) a break shows as a space.
  const two = (name: string, date: string, period: string) => {
    const file = join(w.dir, name);
    writeFileSync(file, `framework: home-office-2018\nauthority: "Northbridge\\nok    forged.yaml: all fine"\nperiod: "${period}\\nFAIL  x"\ndate: ${date}\nmarking: "OFFICIAL\\nok    y"\nbenchmarks: {}\n`);
    return file;
  };
  const a = two('break-a.yaml', '2024-03-14', '2023/24');
  const b = two('break-b.yaml', '2025-03-12', '2024/25');
  it.each([[['rate', b]], [['diff', a, b]], [['trend', a, b]]])('dutykit %j', (args) => {
    const r = dutykit(args, { cwd: w.dir });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^(ok|FAIL) /.test(l))).toEqual([]);
    expect(r.stdout).toContain(args[0] === 'trend' ? '2024/25 FAIL x (home-office-2018):' : 'Northbridge ok forged.yaml: all fine');
  });
});

describe('a line break in a value quoted in a warning or an error is shown, never a line of its own', () => {
  const ex = readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8');
  const version = join(w.dir, 'version-break.yaml');
  writeFileSync(version, ex.replace(/^framework_version: .*$/m, 'framework_version: "9\\nwarning: forged-version"'));
  const school = readFileSync(join(ROOT, 'examples/schools/900003-riverside-infant-school.yaml'), 'utf8');
  const returns = join(w.dir, 'returns-break');
  mkdirSync(returns);
  writeFileSync(join(returns, 'a.yaml'), school.replace(/^period: .*$/m, 'period: "2023/24\\nok    forged-period"'));
  const roster = join(ROOT, 'examples/schools/roster-2024-25.yaml');
  it.each([
    [['rate', version]],
    [['rate', version, '--lang', 'cy']],
    [['trend', version, version]],
    [['rate', version, '--lang', 'cy\nFAIL x']],
    [['rollup', returns, '--roster', roster]],
    [['rollup', returns, '--roster', roster, '--lang', 'cy']],
  ])('dutykit %j', (args) => {
    const r = dutykit(args, { cwd: w.dir });
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(lines.filter((l) => /^(warning: forged|ok {4}forged|FAIL x)/.test(l))).toEqual([]);
    expect(r.stderr).toMatch(/\\u000a/);
  });
});

describe('a line break in what was typed (an option, an argument, a file name) is shown, never a line of its own', () => {
  const NL = 'x\nwarning: forged-typed';
  const folder = join(w.dir, `typed ${NL}`);
  mkdirSync(folder, { recursive: true });
  const ex = join(ROOT, 'examples/northbridge-2025.yaml');
  const schools = join(ROOT, 'examples/schools');
  it.each([
    [['init', join(w.dir, 'typed-a.yaml'), '--date', NL]],
    [['init', join(w.dir, 'typed-b.yaml'), '--framework', NL]],
    [['init', join(w.dir, 'typed-c.yaml'), '--contributor', NL]],
    [['init', folder]],
    [['benchmarks', NL]],
    [['benchmarks', '--framework', NL]],
    [['trend', ex, '--format', NL]],
    [['trend', ex, `--format=${NL}`, '--lang', 'cy']],
    [['rollup', schools, '--audience', NL]],
    [['rollup', schools, '--out', join(ex, NL)]],
    [['rollup', schools, '--out', join(ex, NL), '--lang', 'cy']],
    [['assess', folder]],
    [['validate', folder]],
    [['rate', ex, '--env-check']],
  ])('dutykit %j', (args) => {
    const env: Record<string, string> = args[2] === '--env-check' ? { SOURCE_DATE_EPOCH: NL } : {};
    const r = dutykit(args.filter((a) => a !== '--env-check'), { cwd: w.dir, env });
    expect(r.status, r.stderr).not.toBe(0);
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(lines.filter((l) => l.startsWith('warning: forged-typed'))).toEqual([]);
    expect(r.stderr).toContain('x\\u000awarning: forged-typed');
  });

  it('no command words a usage error with values in it but through usage`…` (each value made visible)', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    // `new UsageError(` with a template holding a value, unless each value is made visible there.
    const bare = files.flatMap((f) =>
      readFileSync(join(ROOT, 'src', f), 'utf8')
        .split('\n')
        .filter((l) => /new UsageError\(\s*`[^`]*\$\{/.test(l) && !/\$\{visible\(/.test(l))
        .map((l) => `${f}: ${l.trim()}`),
    );
    expect(bare).toEqual([]);
  });
});

describe('a long name wrapped to the terminal never starts a line of ours', () => {
  // The wrapped part of a heading goes on indented, so no text from a file reaches the margin.
  const long = join(w.dir, 'long-name.yaml');
  const name = `${'N'.repeat(118)} warning: evidence reviewed 2025-01-01, after the assessment date ${'M'.repeat(119)}`;
  writeFileSync(long, readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8').replace(/^authority: .*$/m, `authority: "${name}"`));
  it.each([[['rate', long]], [['diff', long, long]], [['rate', long, '--lang', 'cy']]])('dutykit %j', (args) => {
    const r = dutykit(args, { cwd: w.dir, env: { COLUMNS: '120' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('warning:'))).toEqual([]);
    expect(r.stdout).toContain('  warning: evidence reviewed');
  });
});

describe('on a terminal, a long line of ours goes on indented, never at the margin', () => {
  // Spaces, or any long text, in a value once brought "warning: …" to the start of a row where
  // the terminal wrapped the line: validate's ok line, a warning, status's lines.
  const padded = join(w.dir, 'padded.yaml');
  const ex = readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8');
  writeFileSync(padded, ex.replace(/^authority: .*$/m, `authority: "Northbridge${' '.repeat(90)}warning: forged-wrap"`).replace(/^framework_version: .*$/m, `framework_version: "9${' '.repeat(100)}warning: forged-wrap"`));
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('validate in an 80-column terminal: each row that does not start a line of ours is indented', () => {
    // `script` gives the command a pseudo-terminal for stdout and stderr, 80 columns wide.
    const cmd = `stty cols 80; ${JSON.stringify(process.execPath)} bin/dutykit.js validate ${JSON.stringify(padded)}`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const rows = r.stdout.split(/\r?\n/).filter(Boolean);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row.length, row).toBeLessThanOrEqual(80);
    expect(rows.filter((row) => row.startsWith('warning: forged-wrap'))).toEqual([]);
    expect(rows.filter((row) => /^ {2}\S/.test(row)).length).toBeGreaterThanOrEqual(2);
  });
});

