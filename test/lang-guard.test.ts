// A guard for every command that takes --lang: given bad input and --lang cy, no line it prints
// may be the English one. A message added later in English only fails here, not in a council's
// Welsh terminal.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { whyNotWritten } from '../src/errors.js';
import { messages } from '../src/i18n/catalogue.js';
import { BIN, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-lang-guard-'));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const NOW = join(ROOT, 'examples', 'northbridge-2025.yaml');
const bad = join(tmp, 'bad.yaml');
writeFileSync(bad, readFileSync(NOW, 'utf8').replace(/^date: .*$/m, 'date: 2025-02-30\nfoo: 1'));
const returns = join(tmp, 'returns');
mkdirSync(returns);
copyFileSync(join(ROOT, 'examples', 'schools', '900001-northbridge-primary-school.yaml'), join(returns, '900001.yaml'));
writeFileSync(join(returns, '900002.yaml'), 'framework: thurrock-schools-2020\nauthority: [x]\n');
writeFileSync(join(returns, 'notes.txt'), 'not a return\n');
const target = join(tmp, 'target.yaml');
copyFileSync(NOW, target);

// Places an --out cannot go: a folder, a link to a YAML file, a file in the way of a folder, a read-only file.
const RETURN = join(ROOT, 'examples', 'schools', '900001-northbridge-primary-school.yaml');
const outFolder = join(tmp, 'a-folder.md');
mkdirSync(outFolder);
const outLink = join(tmp, 'link.md');
symlinkSync(target, outLink);
const inTheWay = join(tmp, 'in-the-way');
writeFileSync(inTheWay, 'a file\n');
const readOnly = join(tmp, 'read-only.md');
writeFileSync(readOnly, 'kept\n');
chmodSync(readOnly, 0o444);

/** Bad input for each command that takes --lang: a bad file, and a bad option where it has one. */
const RUNS: Record<string, string[][]> = {
  rate: [['rate', bad]],
  report: [['report', bad, '--stdout'], ['report', NOW, '--format', 'docx'], ['report', NOW, '--out', join(inTheWay, 'reports')]],
  diff: [['diff', NOW, bad], ['diff', NOW, NOW, '--fail-on', 'worse']],
  trend: [['trend', NOW, bad], ['trend', NOW, '--json', '--format', 'md']],
  rollup: [
    ['rollup', returns],
    ['rollup', returns, '--fail-on', 'late'],
    ['rollup', RETURN, '--out', outFolder],
    ['rollup', RETURN, '--out', outLink],
    ['rollup', RETURN, '--out', readOnly],
  ],
  status: [['status', returns], ['status', returns, '--within', 'a while']],
  merge: [['merge', target, bad], ['merge', target, NOW]],
};

/** A line without its `file:line:col: path:` lead, which is the same in any language (and a report's name without its language). */
const said = (line: string) =>
  line
    .replace(/^.*?:\d+:\d+: (?:[\w.[\]-]+: )?/, '')
    .replace(/^\S+\.(?:yaml|txt): /, '')
    .replace(/-cy\.md\b/g, '.md');

describe('no English under --lang cy', () => {
  it('covers every command that takes --lang', () => {
    const withLang = buildProgram('0').commands.filter((c) => c.options.some((o) => o.long === '--lang')).map((c) => c.name());
    expect(Object.keys(RUNS).sort()).toEqual(withLang.sort());
  });

  it.each(Object.entries(RUNS).flatMap(([, runs]) => runs.map((args) => [args.join(' '), args] as const)))('%s', (_name, args) => {
    const en = run(args);
    const cy = run([...args, '--lang', 'cy']);
    expect(en.status, en.stderr).not.toBe(0);
    expect(cy.status).toBe(en.status);
    const english = new Set(en.stderr.split('\n').filter(Boolean).map(said));
    const lines = cy.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(english.has(said(line)), `English under --lang cy: ${line}`).toBe(false);
  });
});

it('an unknown language is quoted as it was typed, not lower-cased', () => {
  expect(run(['rate', NOW, '--lang', 'en, Cy-GB']).stderr).toMatch(/^dutykit: --lang: unknown language "Cy-GB"; expected en, cy/);
});

describe("--lang's own refusal, in the language of another --lang on the line", () => {
  it.each([[['--lang', 'cy,xx']], [['--lang', 'cy', '--lang', 'xx']], [['--lang=xx,cy']]])('%j', (lang) => {
    const en = run(['rate', NOW, '--lang', 'xx']);
    expect(en.stderr).toBe('dutykit: --lang: unknown language "xx"; expected en, cy or a comma list of them (cy,en: Welsh first, then English)\n');
    const cy = run(['rate', NOW, ...lang]);
    expect([cy.status, cy.stderr]).toEqual([2, 'dutykit: --lang: iaith anhysbys "xx"; disgwylid en, cy neu restr ohonynt ag atalnodau (cy,en: Cymraeg yn gyntaf, yna Saesneg)\n']);
  });
});

it("the catalogue's reasons for a failed write are errors.ts's (the English of assess's lock and of stdout), word for word", () => {
  for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENOTFILE', 'ENOENT', 'EIO']) {
    const e = Object.assign(new Error(`${code}: what the system says`), { code });
    expect(messages('en').t('usage.whyNotWritten', { code, detail: e.message })).toBe(whyNotWritten(e));
  }
});
