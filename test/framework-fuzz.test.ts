// Fuzzing frameworks as fuzz.test.ts fuzzes assessments, but by meaning rather than bytes:
// valid framework folders damaged in the ways a contributor could (duplicate ids, reserved
// words, absurd numbers, random rules, mappings that name nothing, links out of the folder).
// Each goes through `validate`; every framework it accepts then gets assessments that are
// rated, reported and diffed, and no command may end in an internal error (exit 70).
// DUTYKIT_FUZZ_RUNS=<n> and DUTYKIT_FUZZ_SEED=<n> as in fuzz.test.ts.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { buildProgram } from '../src/cli/program.js';
import { CheckFailed, formatProblem, InputError, UsageError } from '../src/errors.js';
import type { Framework } from '../src/model/framework-schema.js';
import { checkFramework, loadFramework, useBundledFrameworks } from '../src/model/load-framework.js';
import { BUNDLED, framework } from './helpers.js';

const RUNS = Number(process.env.DUTYKIT_FUZZ_RUNS) || 0;
const SEED = Number(process.env.DUTYKIT_FUZZ_SEED) || 20250312;
const TIMEOUT = RUNS ? 4 * 3_600_000 : 60_000;
const SECRET = 'SECRET-LINE-OUTSIDE-THE-FOLDER';

const dir = mkdtempSync(join(tmpdir(), 'dutykit-fwfuzz-'));
const secret = join(dir, 'secret.yaml');
writeFileSync(secret, `${SECRET}: 1\n`);
useBundledFrameworks(BUNDLED);

beforeAll(() => {
  // Commands print tables and warnings; thousands of them are noise here.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

// ---- the seed: the bundled framework cut to three benchmarks, as plain data ----------------

const fw18 = framework('home-office-2018');
type Data = Record<string, unknown>;
const KEEP = fw18.benchmarks.slice(0, 3);
function seed(): { main: Data; files: Record<string, Data> } {
  const { dir: _d, benchmarks: _b, differsFromBundled: _x, ...rest } = structuredClone(fw18) as Framework;
  const main: Data = { ...rest, benchmarks: KEEP.map((b) => b.id) };
  for (const a of main.answers as Data[]) if (a.stale_as === undefined) delete a.stale_as;
  for (const r of main.rules as Data[]) for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  const files = Object.fromEntries(KEEP.map((b) => [`${b.id}.yaml`, structuredClone(b) as unknown as Data]));
  return { main, files };
}

// ---- the damage ------------------------------------------------------------------------------

const IDS = ['met', 'partly', 'not-met', 'n/a', 'red', 'amber', 'green', 'unanswered', 'unrated', 'constructor', ...KEEP.map((b) => b.id), 'venue-hire'];
const VALUES: unknown[] = [
  ...IDS, 4_000_000, 1e300, -1, 0, 0.5, 1, 2, 120, 121, 1000, 1001, Number.MAX_SAFE_INTEGER, '', ' ', 'MET', 'x'.repeat(300),
  '\u001b[31mred\u001b[0m', '\u202eevil', 'Amber <img src=x onerror=alert(1)> | x', null, true, [], {}, ['met'], { any: [] },
];

/** Every path to a value or a list in the data. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}
const getAt = (root: unknown, path: (string | number)[]) => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)?.[k], root);
function setAt(root: Data, path: (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
  if (parent && typeof parent === 'object' && path.length) parent[path[path.length - 1]!] = value;
}

interface Case {
  main: Data;
  files: Record<string, Data>;
  /** A file replaced by a link to a file outside the folder. */
  link?: string;
  log: string[];
}

type Damage = (c: Case, r: number, pick: unknown) => void;
const all = (c: Case): Data[] => [c.main, ...Object.values(c.files)];
const lists = (c: Case) => all(c).flatMap((root) => paths(root).filter((p) => Array.isArray(getAt(root, p))).map((p) => ({ root, p })));
const values = (c: Case) => all(c).flatMap((root) => paths(root).filter((p) => p.length).map((p) => ({ root, p })));
const nth = <T,>(l: T[], r: number) => l[Math.floor(r * l.length) % Math.max(1, l.length)];

const condition = fc.record(
  {
    questions: fc.constantFrom('essential', 'any'),
    answer: fc.subarray(['met', 'partly', 'not-met', 'n/a', 'unanswered'], { minLength: 1 }),
    test: fc.oneof(
      fc.record({ at_least: fc.integer({ min: 1, max: 8 }) }),
      fc.constant({ none: true }),
      fc.constant({ all: true }),
      fc.record({ share_below: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ share_at_least: fc.double({ min: 0, max: 1, noNaN: true }) }),
    ),
  },
  { requiredKeys: ['answer', 'test'] },
).map(({ test, ...c }) => ({ ...c, ...test }));
const rules = fc
  .array(fc.record({ rating: fc.constantFrom('red', 'amber', 'green', 'unrated'), group: fc.constantFrom('any', 'all'), when: fc.array(condition, { minLength: 1, maxLength: 3 }) }), { maxLength: 4 })
  .chain((rs) => fc.constantFrom('red', 'amber', 'green', 'unrated').map((last) => [...rs.map((r, i) => ({ id: `r${i}`, rating: r.rating, explain: `rule ${i}`, when: { [r.group]: r.when } })), { id: 'last', rating: last, explain: 'otherwise' }]));

const NUMBERS = [4_000_000, 1e300, -1, 0, 0.5, 1, 2, 3, 120, 121, 1000, 1001, Number.MAX_SAFE_INTEGER];
const numeric = (c: Case) => values(c).filter((t) => typeof getAt(t.root, t.p) === 'number');

const damage: fc.Arbitrary<{ name: string; apply: Damage; pick: unknown }> = fc.oneof(
  fc.constantFrom(...NUMBERS).map((v) => ({ name: `set a number to ${v}`, pick: v, apply: ((c, r, v) => { const t = nth(numeric(c), r); if (t) setAt(t.root, t.p, v); }) as Damage })),
  fc.constantFrom(...VALUES).map((v) => ({ name: `set ${JSON.stringify(v)?.slice(0, 40)}`, pick: v, apply: ((c, r, v) => { const t = nth(values(c), r); if (t) setAt(t.root, t.p, structuredClone(v)); }) as Damage })),
  fc.constant({ name: 'duplicate an item', pick: 0, apply: ((c, r) => { const t = nth(lists(c), r); const l = t && (getAt(t.root, t.p) as unknown[]); if (l?.length) l.push(structuredClone(nth(l, r))); }) as Damage }),
  fc.constant({ name: 'remove an item', pick: 0, apply: ((c, r) => { const t = nth(lists(c), r); const l = t && (getAt(t.root, t.p) as unknown[]); if (l?.length) l.splice(Math.floor(r * l.length), 1); }) as Damage }),
  fc.constant({ name: 'reverse a list', pick: 0, apply: ((c, r) => { const t = nth(lists(c), r); (t && (getAt(t.root, t.p) as unknown[]))?.reverse(); }) as Damage }),
  rules.map((rs) => ({ name: 'random rules', pick: rs, apply: ((c, _r, rs) => void (c.main.rules = structuredClone(rs))) as Damage })),
  fc.boolean().map((b) => ({ name: `every question essential: ${b}`, pick: b, apply: ((c, _r, b) => { for (const f of Object.values(c.files)) for (const q of (f.questions as Data[]) ?? []) if (q && typeof q === 'object') q.essential = b; }) as Damage })),
  fc.constant({ name: 'retire every question', pick: 0, apply: ((c) => { for (const f of Object.values(c.files)) for (const q of (f.questions as Data[]) ?? []) if (q && typeof q === 'object') q.retired = true; }) as Damage }),
  fc.record({ keys: fc.subarray([...fw18.benchmarks.map((b) => b.id), 'no-such-benchmark']), to: fc.constantFrom(...KEEP.map((b) => b.id), null, 'nowhere'), q: fc.constantFrom('ctlp-used', 'no-such-question', 'local-knowledge') }).map((m) => ({
    name: 'maps_from',
    pick: m,
    apply: ((c, _r, m) => {
      const { keys, to, q } = m as { keys: string[]; to: string | null; q: string };
      c.main.maps_from = { framework: 'home-office-2018', benchmarks: Object.fromEntries(keys.map((k) => [k, to])), questions: { [q]: to === null ? null : 'local-knowledge' } };
    }) as Damage,
  })),
  fc.constantFrom('framework.yaml', ...KEEP.map((b) => `${b.id}.yaml`)).map((f) => ({ name: `link ${f} outside`, pick: f, apply: ((c, _r, f) => void (c.link = f as string)) as Damage })),
);

const cases = fc.array(fc.tuple(damage, fc.double({ min: 0, max: 0.999, noNaN: true })), { minLength: 1, maxLength: 3 }).map((ds) => {
  const c: Case = { ...seed(), log: [] };
  for (const [d, r] of ds) {
    d.apply(c, r, d.pick);
    c.log.push(`${d.name} @${r.toFixed(3)}`);
  }
  return c;
});

// ---- the checks ------------------------------------------------------------------------------

let n = 0;
function writeFolder(c: Case): string {
  const fwDir = join(dir, `fw-${n++}`);
  mkdirSync(fwDir);
  writeFileSync(join(fwDir, 'framework.yaml'), stringify(c.main));
  for (const [name, data] of Object.entries(c.files)) writeFileSync(join(fwDir, name), stringify(data));
  if (c.link) {
    rmSync(join(fwDir, c.link));
    symlinkSync(secret, join(fwDir, c.link));
  }
  return fwDir;
}

/** An assessment of every benchmark of `fw`, its answers and ratings drawn from `r`. */
function assessment(fw: Framework, ref: string, r: () => number, date: string): string {
  const pick = <T,>(l: readonly T[]) => l[Math.floor(r() * l.length)]!;
  const benchmarks: Data = {};
  for (const b of fw.benchmarks) {
    const answers: Data = {};
    for (const q of b.questions) {
      const word = pick([...fw.answers.map((a) => a.id), undefined]);
      if (word === undefined) continue;
      const applicable = fw.answers.find((a) => a.id === word)?.applicable !== false;
      answers[q.id] = { answer: word, reviewed: pick(['1000-01-01', '2015-06-30', '2024-02-29', date]), ...(applicable ? {} : { justification: 'does not apply' }) };
    }
    const rating = pick([...fw.ratings.map((x) => x.id), undefined, undefined]);
    benchmarks[b.id] = { answers, ...(rating ? { rating, rationale: 'agreed by the group' } : {}) };
  }
  return stringify({ framework: ref, authority: 'Fuzzshire Council', period: '2024/25', date, benchmarks });
}

const cli = async (...args: string[]) => {
  try {
    await buildProgram('0.0.0').parseAsync(['node', 'dutykit', ...args]);
    return 0;
  } catch (e) {
    // What main.ts maps to exit 1 or 2; anything else would be exit 70.
    if (e instanceof CheckFailed) return 1;
    if (e instanceof InputError || e instanceof UsageError || (e as { code?: string })?.code?.startsWith('commander.')) return 2;
    throw new Error(`dutykit ${args.join(' ')}: internal error (exit 70): ${(e as Error)?.stack ?? String(e)}`);
  }
};

const bundledFile = join(dir, 'bundled.yaml');
const tally = { cases: 0, accepted: 0, refused: 0, linked: 0, ms: 0 };

async function check(c: Case): Promise<void> {
  tally.cases++;
  const fwDir = writeFolder(c);
  const checked = checkFramework(fwDir);
  if (c.link) {
    tally.linked++;
    expect(checked.problems, 'a link out of the folder must be refused').toBeDefined();
  }
  if (checked.problems) {
    tally.refused++;
    for (const p of checked.problems) {
      expect(p.line >= 1 && p.col >= 1, formatProblem(p)).toBe(true);
      expect(formatProblem(p)).not.toContain(SECRET);
    }
    expect(loadFramework(fwDir).problems?.length).toBeGreaterThan(0);
    if (tally.refused % 10 === 1) expect(await cli('validate', fwDir)).toBe(1);
    return;
  }
  tally.accepted++;
  const fw = checked.value!;
  let s = n * 7919;
  const r = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const old = join(fwDir, 'old.yaml');
  const now = join(fwDir, 'new.yaml');
  writeFileSync(old, assessment(fw, '.', r, '2024-03-12'));
  writeFileSync(now, assessment(fw, '.', r, '2025-03-12'));
  expect(await cli('validate', fwDir)).toBe(0);
  const t0 = performance.now();
  for (const args of [
    ['rate', now],
    ['report', now, '--stdout', '--format', 'md', '--previous', old],
    ['diff', old, now, '--fail-on', 'decline,change,rules'],
    ['diff', bundledFile, now, '--format', 'md', '--fail-on', 'rules'],
    // Every format and command in turn, not all of them every time.
    [
      ['rate', now, '--json'],
      ['report', now, '--stdout', '--format', 'json', '--audience', 'public'],
      ['diff', now, bundledFile, '--format', 'json'],
      ['trend', old, now, bundledFile, '--format', 'md'],
      ['--framework', fwDir, 'benchmarks', fw.benchmarks[0]!.id],
      ['--framework', fwDir, 'init', join(fwDir, 'init.yaml'), '--authority', 'Fuzzshire', '--period', '2025/26', '--date', '2025-04-01'],
    ][tally.accepted % 6]!,
  ]) {
    expect(await cli(...args)).toBeLessThanOrEqual(2);
  }
  tally.ms += performance.now() - t0;
}

describe('framework fuzzing: whatever validate accepts, no later command fails with exit 70', () => {
  it('damaged frameworks: refused with positions, or rated, reported and diffed', async () => {
    writeFileSync(bundledFile, assessment(fw18, 'home-office-2018', () => 0.37, '2024-09-01'));
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        await check(c);
      }),
      { numRuns: RUNS || 60, seed: SEED, endOnFailure: true },
    );
    // Both sides of the property must be exercised, or it proves little.
    expect(tally.accepted, JSON.stringify(tally)).toBeGreaterThan(tally.cases / 6);
    expect(tally.refused, JSON.stringify(tally)).toBeGreaterThan(tally.cases / 6);
    expect(tally.linked).toBeGreaterThan(0);
    if (process.env.DUTYKIT_FUZZ_TALLY) writeFileSync(process.env.DUTYKIT_FUZZ_TALLY, JSON.stringify(tally));
  }, TIMEOUT);
});
