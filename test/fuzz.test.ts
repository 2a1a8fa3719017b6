// Fuzzing every file reader: damaged, random and hostile assessment and framework files must
// each give a value or positioned problems, fast, and never a throw or a stack trace.
// DUTYKIT_FUZZ_RUNS=<n> runs n cases per property (and n/20 per command through the binary);
// DUTYKIT_FUZZ_SEED=<n> picks other cases; DUTYKIT_FUZZ_TALLY=<file> writes the counts per kind
// of input (the table in docs/security.md).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tryOpen, type Opened } from '../src/cli/open.js';
import { formatProblem, type Problem } from '../src/errors.js';
import { loadFramework } from '../src/model/load-framework.js';
import { checkAssessment } from '../src/model/load-assessment.js';
import { LIMITS, parseSource } from '../src/model/source.js';
import { rateAssessment } from '../src/rating/rate.js';
import { ratingProblems } from '../src/rating/check.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReport } from '../src/report/model.js';
import { renderRateTable } from '../src/report/terminal.js';
import { BIG_SEED, damaged, FRAMEWORK_FILES, fromScratch, MINI, mutation, SMALL_SEEDS, valuePaths, withValue, WRONG } from './fuzz-inputs.js';
import { BIN, framework, ROOT } from './helpers.js';

const RUNS = Number(process.env.DUTYKIT_FUZZ_RUNS) || 0;
const runs = (n: number) => RUNS || n;
const BIN_CASES = Math.max(30, Math.ceil(RUNS / 20));
/** No single file may take longer than this to load, check, rate and render in-process. */
const BOUND_MS = 3_000;
const SEED = Number(process.env.DUTYKIT_FUZZ_SEED) || 20250312;
/** Per test: a long run under DUTYKIT_FUZZ_RUNS may take many minutes. */
const TIMEOUT = RUNS ? 4 * 3_600_000 : 120_000;

const dir = mkdtempSync(join(tmpdir(), 'dutykit-fuzz-'));
const tally = new Map<string, { cases: number; ok: number; refused: number; slowest: number }>();
const count = (kinds: string | string[], ok: boolean, ms: number) => {
  for (const kind of [kinds].flat()) {
    const t = tally.get(kind) ?? { cases: 0, ok: 0, refused: 0, slowest: 0 };
    tally.set(kind, { cases: t.cases + 1, ok: t.ok + Number(ok), refused: t.refused + Number(!ok), slowest: Math.max(t.slowest, Math.round(ms)) });
  }
};

beforeAll(() => {
  // Framework-version warnings go to stderr; thousands of them are noise here.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  if (process.env.DUTYKIT_FUZZ_TALLY) writeFileSync(process.env.DUTYKIT_FUZZ_TALLY, JSON.stringify(Object.fromEntries(tally), null, 2));
});

const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function expectProblems(problems: Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  const perFile = new Map<string, number>();
  for (const p of problems) perFile.set(p.file, (perFile.get(p.file) ?? 0) + 1);
  for (const n of perFile.values()) expect(n).toBeLessThanOrEqual(LIMITS.problems + 1);
  for (const p of problems) {
    expect(Number.isInteger(p.line) && p.line >= 1, formatProblem(p)).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1, formatProblem(p)).toBe(true);
    expect(p.message.trim(), formatProblem(p)).not.toBe('');
    expect(p.message.length, p.message.slice(0, 80)).toBeLessThanOrEqual(400);
    expect(CONTROL.test(p.message + p.path), JSON.stringify(p)).toBe(false);
  }
}

/** Everything a command does with a file that loads: the model, Markdown, the terminal table. */
function render(o: Opened): void {
  for (const audience of ['board', 'public'] as const) {
    const m = buildReport(o.framework, o.assessment, o.ratings, { audience });
    expect(renderMarkdown(m)).toContain(m.title);
    expect(renderRateTable(m, (_r, t) => t, 100)).not.toMatch(/\x1b/);
    expect(JSON.parse(JSON.stringify(m)).schema).toBe('dutykit/report@1');
  }
}

/** Load, check, rate and render one assessment file; a throw fails the property with its input. */
function handled(kind: string | string[], bytes: Buffer, file = join(dir, 'case.yaml')): Problem[] | undefined {
  writeFileSync(file, bytes);
  const t0 = performance.now();
  const r = tryOpen(file);
  if (r.opened) render(r.opened);
  const ms = performance.now() - t0;
  count(kind, !!r.opened, ms);
  expect(ms, `${String(kind)} took ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
  if (r.problems) expectProblems(r.problems);
  return r.problems;
}

let folders = 0;
/** A fresh folder each time: loaded frameworks are cached by path. */
const freshFolder = () => {
  const d = join(dir, `fw-${folders++}`);
  mkdirSync(d);
  return d;
};
/** A framework folder with some files damaged, then an assessment read against it. */
function frameworkHandled(kind: string | string[], files: Map<string, Buffer>): Problem[] | undefined {
  const fwDir = freshFolder();
  for (const [name, bytes] of files) writeFileSync(join(fwDir, name), bytes);
  const t0 = performance.now();
  const fw = loadFramework(fwDir);
  const ms = performance.now() - t0;
  expect(ms, `${String(kind)} took ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
  count(kind, !!fw.value, ms);
  if (fw.problems) {
    expectProblems(fw.problems);
    rmSync(fwDir, { recursive: true });
    return fw.problems;
  }
  handled('a damaged framework that loads, then an assessment read against it', Buffer.from(MINI.replace('framework: home-office-2018', 'framework: .')), join(fwDir, 'a.yaml'));
  rmSync(fwDir, { recursive: true });
  return undefined;
}

const frameworkDamage = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: fc.constant('framework.yaml') }, { weight: 2, arbitrary: fc.constantFrom(...FRAMEWORK_FILES.keys()) }), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([name, ms]) => ({
    name,
    kinds: ['framework folder with a damaged file'],
    files: new Map([...FRAMEWORK_FILES].map(([f, b]) => [f, f === name ? ms.reduce<Buffer>((x, m) => m.apply(x), b) : b])),
    [fc.toStringMethod]: () => `${name} ← ${ms.map((m) => fc.stringify(m)).join(' ← ')}`,
  }));

const params = (n: number) => ({ numRuns: runs(n), seed: SEED, endOnFailure: true });

describe('in-process: every damaged or random file gives a value or positioned problems', () => {
  it('small assessments, damaged one to three times', () => {
    fc.assert(fc.property(damaged(SMALL_SEEDS), (c) => void handled(c.kinds, c.bytes)), params(500));
  }, TIMEOUT);

  it('the full 2025 example, damaged', () => {
    fc.assert(fc.property(damaged([['northbridge-2025', BIG_SEED]]), (c) => void handled(c.kinds, c.bytes)), params(60));
  }, TIMEOUT);

  it('files made from nothing: bytes, text, YAML token soup, YAML of random data', () => {
    fc.assert(fc.property(fromScratch, (c) => void handled(c.kinds, c.bytes)), params(1000));
  }, TIMEOUT);

  it('framework folders with a damaged file', () => {
    fc.assert(fc.property(frameworkDamage, (c) => void frameworkHandled(c.kinds, c.files)), params(80));
  }, TIMEOUT);
});

describe('in-process: the wrong type at every path', () => {
  it('MINI (every kind of field): every wrong value at every path, written into the file', () => {
    let cases = 0;
    for (const path of valuePaths(MINI)) {
      for (const value of WRONG) {
        handled('wrong type at a path (assessment text)', withValue(MINI, path, value));
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(300);
  }, TIMEOUT);

  it(`northbridge-2025.yaml: ${RUNS ? 'every wrong value' : 'a wrong value'} at every path, in the parsed data`, () => {
    // The text is parsed once; each case swaps one value in a copy of the data, so that the
    // 361 paths of the full example cost a schema check each, not a parse each.
    const file = join(ROOT, 'examples/northbridge-2025.yaml');
    const read = parseSource(file, BIG_SEED);
    const fw = framework();
    let cases = 0;
    valuePaths(BIG_SEED.toString()).forEach((path, i) => {
      for (const value of RUNS ? WRONG : [WRONG[i % WRONG.length]]) {
        const data = structuredClone(read.source!.data) as Record<string, unknown>;
        setPath(data, path, structuredClone(value));
        const t0 = performance.now();
        const checked = checkAssessment({ ...read.source!, data }, fw, file);
        let problems = checked.problems;
        if (checked.value) {
          const ratings = rateAssessment(fw, checked.value.assessment);
          problems = ratingProblems(fw, ratings).map((p) => checked.value.source.at(p.path, p.message));
          if (!problems.length) render({ ...checked.value, ratings });
        }
        const ms = performance.now() - t0;
        count('wrong type at a path (northbridge-2025 data)', !problems?.length, ms);
        expect(ms).toBeLessThan(BOUND_MS);
        if (problems?.length) expectProblems(problems);
        cases++;
      }
    });
    expect(cases).toBeGreaterThan(350);
  }, TIMEOUT);

  it('framework.yaml and a benchmark file, a wrong value at every path', () => {
    for (const name of ['framework.yaml', 'venue-hire.yaml']) {
      const text = FRAMEWORK_FILES.get(name)!.toString();
      valuePaths(text).forEach((path, i) => {
        frameworkHandled('wrong type at a path (framework)', new Map([...FRAMEWORK_FILES, [name, withValue(text, path, WRONG[i % WRONG.length])]]));
      });
    }
  }, TIMEOUT);
});

function setPath(data: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let at = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}

// ---- through the built binary -------------------------------------------------------------

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[]): Promise<Run> {
  const t0 = performance.now();
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000, maxBuffer: 64 << 20 }, (e, stdout, stderr) => {
      done({ status: e ? ((e as { code?: number }).code ?? null) : 0, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

async function pool<T, R>(items: T[], width: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  }));
  return out;
}

/** Bad files only: each with the problems the in-process loader gives, as the binary must print them. */
function badCases(): { file: string; expected: string[] }[] {
  const out: { file: string; expected: string[] }[] = [];
  const arb = fc.oneof(damaged(SMALL_SEEDS), fromScratch).map((c) => c.bytes);
  for (const bytes of fc.sample(arb, { numRuns: BIN_CASES * 4, seed: SEED })) {
    if (out.length === BIN_CASES) break;
    const file = join(dir, `bin-${out.length}.yaml`);
    const problems = handled('sample for the binary (checked in-process first)', bytes, file);
    if (problems) out.push({ file, expected: problems.map(formatProblem) });
  }
  return out;
}

function expectClean(r: Run, expected: string[], status: number): void {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.status, r.stderr).toBe(status);
  expect(r.stderr).toMatch(/^.+:\d+:\d+: /m);
  for (const line of expected) expect(r.stderr).toContain(line);
  expect(r.ms).toBeLessThan(10_000);
}

describe('the built binary on bad files: exit 1 or 2, file:line:col on stderr, no stack trace', () => {
  let cases: { file: string; expected: string[] }[] = [];
  beforeAll(() => {
    cases = badCases();
  });

  it('validate, ten files a run', async () => {
    expect(cases.length).toBe(BIN_CASES);
    const batches = Array.from({ length: Math.ceil(cases.length / 10) }, (_, i) => cases.slice(i * 10, i * 10 + 10));
    const results = await pool(batches, 3, (b) => run(['validate', ...b.map((c) => c.file)]));
    results.forEach((r, i) => {
      for (const _ of batches[i]!) count('binary: validate', r.status === 0, r.ms);
      expectClean(r, batches[i]!.flatMap((c) => c.expected), 1);
      for (const c of batches[i]!) expect(r.stdout).toContain(`FAIL  ${c.file}: `);
    });
  }, TIMEOUT);

  it.each([
    ['rate', (f: string) => ['rate', f]],
    ['report --stdout', (f: string) => ['report', f, '--stdout']],
  ] as const)('%s, one file a run', async (name, args) => {
    const results = await pool(cases, 3, (c) => run(args(c.file)));
    results.forEach((r, i) => {
      count(`binary: ${name}`, r.status === 0, r.ms);
      expectClean(r, cases[i]!.expected, 2);
      expect(r.stdout).toBe('');
    });
  }, TIMEOUT);

  it('validate <folder> and rate against a damaged framework folder', async () => {
    const bad: { dir: string; expected: string[] }[] = [];
    for (const c of fc.sample(frameworkDamage, { numRuns: 100, seed: SEED })) {
      if (bad.length === 6) break;
      const fwDir = freshFolder();
      for (const [name, bytes] of c.files) writeFileSync(join(fwDir, name), bytes);
      const fw = loadFramework(fwDir);
      if (fw.problems) bad.push({ dir: fwDir, expected: fw.problems.map(formatProblem) });
    }
    expect(bad.length).toBe(6);
    const results = await pool(bad, 3, async (f) => {
      writeFileSync(join(f.dir, 'a.yaml'), MINI.replace('framework: home-office-2018', 'framework: .'));
      return [await run(['validate', f.dir]), await run(['rate', join(f.dir, 'a.yaml')])] as const;
    });
    results.forEach(([validate, rate], i) => {
      count('binary: validate <framework folder>', validate.status === 0, validate.ms);
      count('binary: rate against a damaged framework', rate.status === 0, rate.ms);
      expectClean(validate, bad[i]!.expected, 1);
      expectClean(rate, bad[i]!.expected, 2);
    });
  }, TIMEOUT);
});
