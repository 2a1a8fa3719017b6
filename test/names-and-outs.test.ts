// Found by a hostile tester: names that forge lines or vanish, and a roll-up written over a return.
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { dutykit, ROOT } from './helpers.js';

const example = join(ROOT, 'examples', 'northbridge-2025.yaml');
const probation = readFileSync(join(ROOT, 'examples', 'northbridge-2025-contributions', 'probation-service.yaml'), 'utf8');

function contribution(dir: string, organisation: string): string {
  const file = join(dir, 'c.yaml');
  writeFileSync(file, probation.replace('organisation: Probation Service', `organisation: ${JSON.stringify(organisation)}`).replaceAll('answer: met', 'answer: not-met'));
  return file;
}

describe('organisation names', () => {
  it.each([
    ['a line break', 'Prob\nation', 'must be one line of text'],
    ['an escape code', 'Police\u001b[2J', 'must be one line of text'],
    ['__proto__', '__proto__', '"__proto__" cannot be the name of an organisation'],
  ])('%s is refused by validate and merge, and nothing is written', (_what, name, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-names-'));
    const file = join(dir, 'a.yaml');
    cpSync(example, file);
    const before = readFileSync(file);
    const c = contribution(dir, name);
    const v = dutykit(['validate', c]);
    expect(v.status).toBe(1);
    expect(v.stderr + v.stdout).toContain(message);
    const m = dutykit(['merge', file, c]);
    expect(m.status).toBe(2);
    expect(m.stderr).toContain(message);
    expect(readFileSync(file)).toEqual(before);
  });

  it('an organisation called constructor has its answers counted like any other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-names-'));
    const file = join(dir, 'a.yaml');
    cpSync(example, file);
    expect(dutykit(['merge', file, contribution(dir, 'constructor')]).status).toBe(0);
    const rate = dutykit(['rate', file, '--json']);
    const channel = JSON.parse(rate.stdout).benchmarks.find((b: { id: string }) => b.id === 'channel-panel');
    expect(channel.rating).toBe('red');
  });
});

describe('rollup --out', () => {
  const schools = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-out-'));
    cpSync(join(ROOT, 'examples', 'schools'), join(dir, 's'), { recursive: true });
    return join(dir, 's');
  };

  it.each([
    ['a return in the folder rolled up', (s: string) => join(s, '900001-northbridge-primary-school.yaml'), 'is in a folder rolled up'],
    ['a return named', (s: string) => join(s, '900001-northbridge-primary-school.yaml'), 'is a file rolled up'],
    ['a new file in the folder rolled up', (s: string) => join(s, 'rollup.md'), 'is in a folder rolled up'],
    ['any YAML file', (s: string) => join(s, '..', 'rollup.yaml'), 'is a YAML file'],
  ])('refuses %s, and leaves the returns as they were', (_what, out, message) => {
    const s = schools();
    const target = out(s);
    const return1 = readFileSync(join(s, '900001-northbridge-primary-school.yaml'));
    const named = message === 'is a file rolled up';
    const r = dutykit(['rollup', named ? target : s, '--out', target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(join(s, '900001-northbridge-primary-school.yaml'))).toEqual(return1);
  });

  it('writes beside the folder', () => {
    const s = schools();
    const r = dutykit(['rollup', s, '--out', join(s, '..', 'rollup.md')]);
    expect(r.status).toBe(0);
    expect(readFileSync(join(s, '..', 'rollup.md'), 'utf8')).toMatch(/^Roll-up of returns/);
  });

  it('--fail-on missing needs a roster', () => {
    const r = dutykit(['rollup', schools(), '--fail-on', 'missing']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--fail-on missing needs --roster');
  });

  it('a link to nothing in the folder is named in a warning, not an internal error', () => {
    const s = schools();
    symlinkSync(join(s, 'nowhere.yaml'), join(s, 'dangling.yaml'));
    const r = dutykit(['rollup', s]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('dangling.yaml: warning: a link to nothing');
  });
});

describe('merge', () => {
  it('names the command that settles as dutykit was run (before npm link: node bin/dutykit.js)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-hint-'));
    const file = join(dir, 'a.yaml');
    cpSync(example, file);
    const contributions = join(ROOT, 'examples', 'northbridge-2025-contributions');
    const r = dutykit(['merge', file, join(contributions, 'wessex-police.yaml'), join(contributions, 'northbridge-nhs-trust.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Settle them in the challenge session: node bin/dutykit.js assess ${file}`);
  });
});

describe('an --out that names nothing', () => {
  const RETURN = join(ROOT, 'examples', 'schools', '900001-northbridge-primary-school.yaml');
  /** Each command that takes --out, with what it otherwise needs to run. */
  const RUNS: Record<string, string[]> = {
    init: ['init', '--roster', join(ROOT, 'examples', 'schools', 'roster-2024-25.yaml')],
    report: ['report', example],
    rollup: ['rollup', RETURN],
  };

  it('covers every command that takes --out', () => {
    const withOut = buildProgram('0').commands.filter((c) => c.options.some((o) => o.long === '--out')).map((c) => c.name());
    expect(Object.keys(RUNS).sort()).toEqual(withOut.sort());
  });

  it.each(Object.entries(RUNS).flatMap(([name, args]) => ['', '   ', '\t'].map((out) => [name, JSON.stringify(out), args, out] as const)))(
    '%s --out %s is a usage error, in English and in Welsh, and nothing is written',
    (name, _shown, args, out) => {
      const cwd = mkdtempSync(join(tmpdir(), 'dutykit-empty-out-'));
      const what = name === 'rollup' ? 'file' : 'folder';
      const shown = out.replace('\t', '\\u0009');
      expect(dutykit([...args, '--out', out], { cwd })).toEqual({ status: 2, stdout: '', stderr: `dutykit: --out "${shown}" names no ${what}; give the ${what} to write to\n` });
      if (name !== 'init') {
        const cy = dutykit([...args, `--out=${out}`, '--lang', 'cy'], { cwd });
        expect(cy).toEqual({ status: 2, stdout: '', stderr: `dutykit: nid yw --out "${shown}" yn enwi ${what === 'file' ? 'ffeil' : 'ffolder'}; rhowch y ${what === 'file' ? 'ffeil' : 'ffolder'} i ysgrifennu iddi\n` });
      }
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it.each([
    ['rollup', 'nd/', 'names a folder (it ends with a slash, . or ..); give the file to write to'],
    ['rollup', 'r.txt/.', 'names a folder (it ends with a slash, . or ..); give the file to write to'],
    ['init', 'ret.yaml', 'looks like a file name, but this command writes its files into a folder: give the folder (e.g. --out reports)'],
    ['report', 'board.pdf', 'looks like a file name, but this command writes its files into a folder: give the folder (e.g. --out reports)'],
    ['init', 'returns.md', 'looks like a file name, but this command writes its files into a folder: give the folder (e.g. --out reports)'],
  ])('%s --out %s is said for what it is, and nothing is written', (name, out, says) => {
    const cwd = mkdtempSync(join(tmpdir(), 'dutykit-wrong-out-'));
    expect(dutykit([...RUNS[name]!, '--out', out], { cwd })).toEqual({ status: 2, stdout: '', stderr: `dutykit: --out "${out}" ${says}\n` });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([['dd/'], ['a.yaml/.'], ['..']])('init %s (a folder for the file) is said for what it is, and nothing is written', (name) => {
    const cwd = mkdtempSync(join(tmpdir(), 'dutykit-wrong-out-'));
    expect(dutykit(['init', name, '--authority', 'A', '--period', '2025/26'], { cwd })).toEqual({ status: 2, stdout: '', stderr: `dutykit: "${name}" names a folder (it ends with a slash, . or ..); give the file to write to\n` });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--out /dev/stdout into a pipe is refused as not an ordinary file (it was "a folder on the path does not exist")', () => {
    const r = dutykit(['rollup', join(ROOT, 'examples', 'schools'), '--out', '/dev/stdout']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('it is not an ordinary file (a device, a pipe or a socket)');
  });

  it('a folder already there with a name like a file is still a folder to report into', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dutykit-wrong-out-'));
    mkdirSync(join(cwd, 'v1.md'));
    expect(dutykit(['report', example, '--out', 'v1.md'], { cwd }).status).toBe(0);
    expect(readdirSync(join(cwd, 'v1.md'))).toHaveLength(1);
  });
});

describe('output over something that is not an ordinary file', () => {
  // A pipe stands for every such thing: a device (as root, `--out /dev/null` once replaced the
  // machine's /dev/null with a PDF), a socket, or a link to one. A pipe was also read, to see
  // whether it held YAML, and that waited for ever.
  const pipe = (dir: string, name: string) => {
    const path = join(dir, name);
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    return path;
  };
  const stillPipe = (path: string) => expect(lstatSync(path).isFIFO()).toBe(true);

  it.each([
    ['rollup --out', (d: string, out: string) => ['rollup', join(ROOT, 'examples', 'schools'), '--format', 'md', '--out', out]],
    ['init', (d: string, out: string) => ['init', out, '--authority', 'A', '--period', '2025/26', '--force']],
    ['report (a pipe at the report file name)', (d: string) => ['report', example, '--format', 'md', '--out', d]],
  ])('%s is refused (exit 2), the pipe left as it was', (what, args) => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-pipe-'));
    const isReport = what.startsWith('report');
    // The report's own name, found by writing it once elsewhere.
    const name = isReport ? (dutykit(['report', example, '--format', 'md', '--out', mkdtempSync(join(tmpdir(), 'dutykit-name-'))]).stderr.match(/[^/\s]+\.md/)?.[0] ?? 'x.md') : 'out.md';
    const out = pipe(dir, name);
    const r = dutykit(args(dir, out));
    expect([r.status, r.stderr]).toEqual([2, expect.stringContaining('it is not an ordinary file (a device, a pipe or a socket)')]);
    stillPipe(out);
  });

  it('a link to a pipe is followed, and refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-pipe-'));
    const target = pipe(dir, 'p');
    symlinkSync(target, join(dir, 'rollup.md'));
    const r = dutykit(['rollup', join(ROOT, 'examples', 'schools'), '--format', 'md', '--out', join(dir, 'rollup.md')]);
    expect(r.status).toBe(2);
    stillPipe(target);
    expect(lstatSync(join(dir, 'rollup.md')).isSymbolicLink()).toBe(true);
  });
});
