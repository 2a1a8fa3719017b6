// The code cache is a shortcut only: a bundle gives the same results with or without it,
// and a cache made from other code, cut short, or one V8 will not take, is never used.
// V8 also keeps compiled code in memory for the life of a process, so each load whose use
// of the cache matters runs in a process of its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NotBuilt } from '../src/errors.js';
import { cacheFile, loadBundle } from '../src/cli/code-cache.js';
import { openAssessment } from '../src/cli/open.js';
import { PDF_BUNDLE } from '../src/cli/pdf-renderer.js';
import { CLI_BUNDLE } from '../src/cli/paths.js';
import { buildReport } from '../src/report/model.js';
import { renderPdf } from '../src/report/pdf/index.js';
import { BIN, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dutykit-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The loader as plain JavaScript, for the child processes.
const loader = join(dir, 'loader.mjs');
buildSync({ entryPoints: [join(ROOT, 'src/cli/code-cache.ts')], outfile: loader, bundle: true, format: 'esm', platform: 'node', logLevel: 'error' });
const loaderUrl = JSON.stringify(pathToFileURL(loader).href);

/** Load `file` in a new process; save its cache there too when asked. */
function load(file: string, save = false): { cached: boolean; sum: number } {
  const script = `const m = await import(${loaderUrl}); const b = m.loadBundle(${JSON.stringify(file)});
    ${save ? 'b.saveCache();' : ''} console.log(JSON.stringify({ cached: b.cached, sum: b.exports.sum([1, 2, 3]) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const bundle = (name: string, body = '') => {
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, `exports.sum = (xs) => xs.reduce((a, b) => a + b, 0) ${body};\nexports.where = __filename;\n`);
  return file;
};

describe('loadBundle', () => {
  it('runs a CommonJS bundle as Node would, with its own file name', () => {
    const file = bundle('in-process');
    const loaded = loadBundle<{ sum(xs: number[]): number; where: string }>(file);
    expect(loaded.exports.sum([1, 2, 3])).toBe(6);
    expect(loaded.exports.where).toBe(file);
  });

  it('uses the cache it saved in a later run', () => {
    const file = bundle('plain');
    expect(load(file, true)).toEqual({ cached: false, sum: 6 }); // no cache yet
    expect(load(file)).toEqual({ cached: true, sum: 6 });
  });

  it('never uses a cache made from other code, even of the same length', () => {
    const file = bundle('changed', '+ 1');
    expect(load(file, true)).toEqual({ cached: false, sum: 7 });
    // V8's own check compares only the length of the code: ours must catch this.
    writeFileSync(file, readFileSync(file, 'utf8').replace('+ 1', '- 1'));
    expect(load(file)).toEqual({ cached: false, sum: 5 });
  });

  it('never uses a cache cut short or damaged on disk', () => {
    const file = bundle('damaged');
    load(file, true);
    const whole = readFileSync(cacheFile(file));
    writeFileSync(cacheFile(file), whole.subarray(0, whole.length - 10));
    expect(load(file)).toEqual({ cached: false, sum: 6 });
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 5]! ^= 1;
    writeFileSync(cacheFile(file), flipped);
    expect(load(file)).toEqual({ cached: false, sum: 6 });
  });

  it('says dutykit is not built when a bundle is missing', () => {
    const missing = join(dir, 'missing.cjs');
    expect(() => loadBundle(missing)).toThrow(NotBuilt);
    expect(() => loadBundle(missing)).toThrow(`not built completely (${missing} is missing); run \`npm install\``);
  });

  it('reports lines and columns of the bundle itself in a stack trace', () => {
    const file = join(dir, 'throws.cjs');
    writeFileSync(file, `exports.fail = () => {\n  throw new Error('here');\n};\n`);
    const { exports } = loadBundle<{ fail(): void }>(file);
    let stack = '';
    try {
      exports.fail();
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    expect(stack).toContain(`${pathToFileURL(file).href}:2:9`);
  });

  it('compiles as usual when V8 refuses the cache', () => {
    const file = bundle('refused');
    const code = readFileSync(file, 'utf8');
    // A well-formed file (the hash matches) whose contents V8 did not write.
    const junk = Buffer.alloc(64, 7);
    writeFileSync(cacheFile(file), Buffer.concat([createHash('sha256').update(code).update(junk).digest(), junk]));
    expect(load(file)).toEqual({ cached: false, sum: 6 });
  });
});

describe('the built bundles', () => {
  type Renderer = typeof import('../src/report/pdf/index.js');

  it.each([CLI_BUNDLE, PDF_BUNDLE])('%s is built with a code cache this Node takes', (file) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${loaderUrl}); console.log(m.loadBundle(${JSON.stringify(file)}).cached)`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('true');
  });

  it('runs the renderer in strict mode, as the modules it is built from ran', () => {
    const { exports } = loadBundle<Renderer>(PDF_BUNDLE);
    // Only a function that is not strict has its own `caller` and `arguments`.
    expect(Object.getOwnPropertyNames(exports.pdfTitle)).not.toContain('caller');
  });

  it('writes the same bytes as the renderer it is built from', async () => {
    const o = openAssessment(join(ROOT, 'examples', 'northbridge-2025.yaml'));
    const model = buildReport(o.framework, o.assessment, o.ratings, { audience: 'board' });
    const created = new Date('2025-03-12T09:00:00Z');
    const built = await loadBundle<Renderer>(PDF_BUNDLE).exports.renderPdf(model, { created });
    const source = await renderPdf(model, { created });
    expect(built.length).toBeGreaterThan(50_000);
    expect(Buffer.from(built).equals(Buffer.from(source))).toBe(true);
  });
});

describe('the launcher', () => {
  /** A copy of the package with only these files of dist/; run it. */
  function runWith(distFiles: string[]) {
    const pkg = mkdtempSync(join(dir, 'pkg-'));
    cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    mkdirSync(join(pkg, 'dist'));
    for (const f of distFiles) cpSync(join(ROOT, 'dist', f), join(pkg, 'dist', f));
    return spawnSync(process.execPath, [join(pkg, 'bin', 'dutykit.js'), '--version'], { encoding: 'utf8' });
  }

  it('runs the CLI from its CommonJS bundle', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(readFileSync(CLI_BUNDLE, 'utf8')).toMatch(/^'use strict';/);
  });

  it('says to run npm install when nothing is built', () => {
    const r = runWith([]);
    expect(r.status).toBe(70);
    expect(r.stderr).toBe('dutykit: not built yet; run `npm install` (or `npm run build`) in the dutykit folder.\n');
  });

  it('says the build is incomplete when the CLI bundle is missing', () => {
    const r = runWith(['launch.cjs']);
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/^dutykit: not built completely \(.*cli\.cjs is missing\); run `npm install`/);
  });

  it('exits only once all it printed is written, however large and however slowly it is read', () => {
    // 150 KB into a pipe whose reader waits half a second: more than a pipe holds, so most of
    // it is still to be written when the command is done. Exiting then would cut it at 64 KB.
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const example = join(ROOT, 'examples', 'northbridge-2025.yaml');
    const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = `${q(process.execPath)} ${q(BIN)} report ${q(example)} --format pdf --stdout | (sleep 0.5; cat)`;
    const piped = spawnSync('sh', ['-c', command], { env, maxBuffer: 1 << 24 });
    const out = mkdtempSync(join(dir, 'out-'));
    const saved = spawnSync(process.execPath, [BIN, 'report', example, '--format', 'pdf', '--out', out], { env, encoding: 'utf8' });
    const file = saved.stderr.trim().replace(/^wrote /, '');
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(100_000);
    expect(piped.stdout.equals(readFileSync(file))).toBe(true);
  });

  it('runs the CLI without its code cache, and the same', () => {
    const r = runWith(['launch.cjs', 'cli.cjs']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
