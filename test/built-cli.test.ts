// The built CLI as a user runs it: bin/dutykit.js loads dist/cli.cjs (with the code cache of
// dist/code-cache.cjs), `report --format pdf` loads dist/pdf-renderer.cjs, and the build's
// last step (scripts/check-built.mjs) refuses a CLI that cannot render the example.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAssessment } from '../src/cli/open.js';
import { PDF_BUNDLE } from '../src/cli/pdf-renderer.js';
import { buildReport } from '../src/report/model.js';
import { renderPdf } from '../src/report/pdf/index.js';
import { BIN, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dutykit-built-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = join(ROOT, 'examples', 'northbridge-2025.yaml');

/** A copy of the package with only these files of dist/ (and the rest of it linked). */
function packageWith(distFiles: string[]): string {
  const pkg = mkdtempSync(join(dir, 'pkg-'));
  for (const d of ['bin', 'examples', 'benchmarks']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  mkdirSync(join(pkg, 'dist'));
  for (const f of distFiles) cpSync(join(ROOT, 'dist', f), join(pkg, 'dist', f), { recursive: true });
  return pkg;
}
const run = (pkg: string, args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [join(pkg, 'bin', 'dutykit.js'), ...args], { encoding: 'utf8', env });

describe('the launcher', () => {
  it('runs the CLI from its CommonJS bundle, in strict mode', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8')).toMatch(/^'use strict';/);
  });

  it('says to run npm install when nothing is built', () => {
    const r = run(packageWith([]), ['--version']);
    expect(r.status).toBe(70);
    expect(r.stderr).toBe('dutykit: not built yet; run `npm install` (or `npm run build`) in the dutykit folder.\n');
  });

  it('says the build is incomplete when the PDF renderer is missing, and still makes the other reports', () => {
    const pkg = packageWith(['cli.cjs', 'code-cache.cjs', 'frameworks']);
    const out = mkdtempSync(join(dir, 'out-'));
    const r = run(pkg, ['report', EXAMPLE, '--format', 'pdf', '--out', out]);
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/^dutykit: not built completely \(.*pdf-renderer\.cjs is missing\); run `npm install`/);
    expect(run(pkg, ['report', EXAMPLE, '--format', 'md', '--out', out]).status).toBe(0);
  });

  it("keeps each command's compiled code in the user's cache after its first good run, and the output is the same with and without", () => {
    const cache = join(dir, 'code-cache');
    const env = { ...process.env, DUTYKIT_CACHE: cache, SOURCE_DATE_EPOCH: '1700000000' };
    const pdf = (e: NodeJS.ProcessEnv) => {
      const out = mkdtempSync(join(dir, 'out-'));
      const r = run(ROOT, ['report', EXAMPLE, '--format', 'pdf', '--out', out], e);
      expect(r.status).toBe(0);
      return readFileSync(r.stderr.trim().replace(/^wrote /, ''));
    };
    const first = run(ROOT, ['rate', EXAMPLE], env);
    const saved = readdirSync(cache);
    expect(saved).toEqual([expect.stringMatching(/^cli\.[0-9a-f]{12}\.rate\.[0-9a-f]{12}\.[0-9a-f]{12}\.v8$/)]);
    const when = statSync(join(cache, saved[0]!)).mtimeMs;
    const second = run(ROOT, ['rate', EXAMPLE], env);
    const off = run(ROOT, ['rate', EXAMPLE], { ...env, DUTYKIT_CACHE: 'off' });
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(off.stdout).toBe(first.stdout);
    // Taken, so not saved again.
    expect(statSync(join(cache, saved[0]!)).mtimeMs).toBe(when);
    // The PDF renderer's bundle has a cache of its own, and the PDF is the same to the byte.
    const [made, cached] = [pdf(env), pdf(env)];
    expect(readdirSync(cache).filter((f) => f.startsWith('pdf-renderer.'))).toHaveLength(1);
    expect(cached.equals(made)).toBe(true);
    expect(pdf({ ...env, DUTYKIT_CACHE: 'off' }).equals(made)).toBe(true);
    // A run that fails makes none: its path through the code is not the command's usual one.
    expect(run(ROOT, ['validate', join(dir, 'no such file.yaml')], env).status).toBe(1);
    expect(readdirSync(cache).some((f) => f.includes('.validate.'))).toBe(false);
  });

  it('exits only once all it printed is written, however large and however slowly it is read', () => {
    // 150 KB into a pipe whose reader waits half a second: more than a pipe holds, so most of
    // it is still to be written when the command is done. Exiting then would cut it at 64 KB.
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = `${q(process.execPath)} ${q(BIN)} report ${q(EXAMPLE)} --format pdf --stdout | (sleep 0.5; cat)`;
    const piped = spawnSync('sh', ['-c', command], { env, maxBuffer: 1 << 24 });
    const out = mkdtempSync(join(dir, 'out-'));
    const saved = spawnSync(process.execPath, [BIN, 'report', EXAMPLE, '--format', 'pdf', '--out', out], { env, encoding: 'utf8' });
    const file = saved.stderr.trim().replace(/^wrote /, '');
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(100_000);
    expect(piped.stdout.equals(readFileSync(file))).toBe(true);
  });
});

describe('the PDF renderer bundle', () => {
  type Renderer = typeof import('../src/report/pdf/index.js');
  const built = createRequire(PDF_BUNDLE)(PDF_BUNDLE) as Renderer;

  it('runs in strict mode, as the modules it is built from ran', () => {
    // Only a function that is not strict has its own `caller` and `arguments`.
    expect(Object.getOwnPropertyNames(built.pdfTitle)).not.toContain('caller');
  });

  // The bundle has stand-ins for unicode-trie and unicode-properties (scripts/shims); the
  // source renderer has the real packages. Text in scripts that need marks and shaping data
  // makes fontkit look characters up in those tables.
  it.each([
    ['the example', ''],
    ['marks, Arabic, Devanagari, Hangul, emoji', 'Ynys Mo\u0302n e\u0301 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0926\u0947\u0935\u0928\u093e\u0917\u0930\u0940 \u1100\u1161\u11a8 \ud55c\uad6d\uc5b4 \ud83d\ude00 \u0301\u0327'],
  ])('writes the same bytes as the renderer it is built from: %s', async (_name, extra) => {
    const o = openAssessment(EXAMPLE);
    const model = buildReport(o.framework, o.assessment, o.ratings, { audience: 'board' });
    model.authority += extra;
    const created = new Date('2025-03-12T09:00:00Z');
    const [a, b] = [await built.renderPdf(model, { created }), await renderPdf(model, { created })];
    expect(a.length).toBeGreaterThan(50_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('the build refuses a CLI that does not work', () => {
  const check = (pkg: string) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-built.mjs'), pkg], { encoding: 'utf8' });

  it('passes the CLI as built', () => {
    const r = check(packageWith(['cli.cjs', 'code-cache.cjs', 'pdf-renderer.cjs', 'frameworks']));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([
    ['a PDF renderer that throws as it loads', 'pdf-renderer.cjs', "'use strict'; throw new Error('unicode-trie is not what the stand-in expects');", /report --format md,pdf exited 70/],
    ['a PDF renderer that makes no PDF', 'pdf-renderer.cjs', "'use strict'; exports.renderPdf = async () => new Uint8Array(0); exports.pdfTitle = () => '';", /the PDF is not a whole report \(0 bytes\)/],
  ])('fails with %s', (_name, file, body, said) => {
    const pkg = packageWith(['cli.cjs', 'code-cache.cjs', 'pdf-renderer.cjs', 'frameworks']);
    writeFileSync(join(pkg, 'dist', file), body);
    const r = check(pkg);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(said);
  });
});
