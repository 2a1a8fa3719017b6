// End to end: the built binary, its stdout, stderr and exit code. Needs `npm run build` first
// (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, schemaProblems } from './diff-helpers.js';

const OLD = 'test/fixtures/diff/2024.yaml';
const NEW = 'test/fixtures/diff/2025.yaml';
const BAD = 'test/fixtures/diff/bad.yaml';
const E25 = 'examples/northbridge-2025.yaml';
const E26 = 'examples/northbridge-2026.yaml';
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/dutykit.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
});

describe('dutykit diff: Training Programme Green → Amber, two others Amber → Green', () => {
  it('--fail-on decline exits 1, names Training Programme and prints the answer changes', () => {
    const r = run('diff', OLD, NEW, '--fail-on', 'decline');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('--fail-on decline: 1 benchmark declined: 7. Training Programme (Green → Amber)\n');
    // The Why column wraps: read the table with its borders taken out.
    const flat = r.stdout.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').replace(/\s+/g, ' ');
    expect(flat).toContain("Green → Amber: 'Training needs assessment' (essential) is now only partly met (was met); 'Completion is monitored' (essential) is now only partly met (was met)");
    expect(flat).toContain("Amber → Green: 'Right partners attend' (essential) is now met (was only partly met)");
    expect(r.stdout).toContain("* 'Due diligence on bookings' (essential): Partly met → Met");
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('without --fail-on exits 0', () => {
    expect(run('diff', OLD, NEW).code).toBe(0);
  });

  it.each([
    ['red', 0, ''],
    ['amber', 1, '--fail-on amber: 2 benchmarks became Amber or Red: 2. Multi Agency Partnership Board (Not yet rated → Amber); 7. Training Programme (Green → Amber)\n'],
    ['change', 1, '--fail-on change: 4 benchmarks changed rating: 2. Multi Agency Partnership Board (Not yet rated → Amber); 5. Channel Panel (Amber → Green); 7. Training Programme (Green → Amber); 8. Venue Hire (Amber → Green)\n'],
  ])('--fail-on %s exits %i', (cond, code, stderr) => {
    const r = run('diff', OLD, NEW, '--fail-on', cond, '--format', 'md');
    expect([r.code, r.stderr]).toEqual([code, stderr]);
  });

  it('JSON validates against schemas/diff.schema.json and names what tripped', () => {
    const r = run('diff', OLD, NEW, '--format', 'json', '--fail-on', 'decline,red');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(schemaProblems(schema, json)).toEqual([]);
    expect(json.schema).toBe('dutykit/diff@1');
    expect(json.failOn).toEqual({ conditions: ['decline', 'red'], tripped: [{ condition: 'decline', benchmarks: [{ id: 'training-programme', name: '7. Training Programme' }] }] });
    const tp = json.rows.find((x: { benchmark: { id: string } }) => x.benchmark.id === 'training-programme');
    expect(tp.causes[0].computed).toEqual({ from: { rating: 'green', label: 'Green' }, to: { rating: 'amber', label: 'Amber' } });
  });

  it('the schema checker is not a rubber stamp', () => {
    const json = JSON.parse(run('diff', OLD, NEW, '--json').stdout);
    expect(schemaProblems(schema, { ...json, schema: 'dutykit/diff@2' })).toEqual(['$.schema: expected "dutykit/diff@1"']);
    delete json.rows[0].direction;
    json.rows[1].extra = true;
    expect(schemaProblems(schema, json)).toEqual(['$.rows[0]: missing required "direction"', '$.rows[1]: unexpected key "extra"']);
  });
});

describe('dutykit diff: identical files', () => {
  it.each(['decline', 'red', 'amber', 'change', 'decline,red,amber,change'])('exit 0 with --fail-on %s', (cond) => {
    const r = run('diff', NEW, NEW, '--fail-on', cond, '--format', 'md');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('No changes: every benchmark has the same rating and the same answers.');
  });
});

describe('dutykit diff: 2018 framework against 2024', () => {
  it('compares mapped rows and calls out merged and unmapped ones', () => {
    const r = run('diff', E25, E26, '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 6 | Training Programme<br>*was 7. Training Programme* | Amber | **Green** | ↑ improved |');
    expect(r.stdout).toContain('- 8. Communications and Engagement merges 9. Community Engagement (Green) and 10. Communications (Amber); compared with the lowest, Amber.');
    expect(r.stdout).toContain('- PREVENT Problem Solving Process (old benchmark 6) has no successor in home-office-2024; it was Green.');
    expect(r.stdout).toContain('46 of the 50 home-office-2024 questions (92%) were also asked in home-office-2018');
  });

  it.each([
    [E25, E26],
    [E26, E25],
    ['examples/northbridge-2024.yaml', E26],
  ])('JSON for %s → %s validates', (a, b) => {
    const r = run('diff', a, b, '--json');
    expect(r.code).toBe(0);
    expect(schemaProblems(schema, JSON.parse(r.stdout))).toEqual([]);
  });

  it('--fail-on decline trips across frameworks too', () => {
    const r = run('diff', E25, E26, '--fail-on', 'decline');
    expect([r.code, r.stderr]).toEqual([1, '--fail-on decline: 1 benchmark declined: 3. Partnership Plan (Green → Amber)\n']);
  });
});

describe('dutykit diff: bad input exits 2 with file:line:col', () => {
  it.each([
    [[BAD, NEW], [/^test\/fixtures\/diff\/bad\.yaml:7:13: benchmarks\.training-programme\.rating: "purple" is not allowed/m]],
    [[OLD, BAD], [/^test\/fixtures\/diff\/bad\.yaml:10:7: benchmarks\.venue-hire\.answers\.due-dilligence: unknown question "due-dilligence" \(did you mean "due-diligence"\?\)$/m]],
    [[BAD, 'test/fixtures/diff/missing.yaml'], [/^test\/fixtures\/diff\/bad\.yaml:7:13: /m, /^test\/fixtures\/diff\/missing\.yaml:1:1: no such file$/m]],
  ])('%j', (files, patterns) => {
    const r = run('diff', ...files, '--fail-on', 'decline');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const p of patterns) expect(r.stderr).toMatch(p);
  });

  it.each([
    [['--fail-on', 'worse'], 'dutykit: --fail-on: unknown condition "worse"; expected decline, red, amber, change, rules (comma list)\n'],
    [['--format', 'pdf'], /argument 'pdf' is invalid/],
  ])('usage error %j exits 2', (args, message) => {
    const r = run('diff', OLD, NEW, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('dutykit trend and report --previous', () => {
  it('orders by date whatever the order given, in every format', () => {
    const json = run('trend', E26, 'examples/northbridge-2024.yaml', E25, '--format', 'json');
    expect(json.code).toBe(0);
    const t = JSON.parse(json.stdout);
    expect(t.schema).toBe('dutykit/trend@1');
    expect(t.points.map((p: { file: string }) => p.file)).toEqual(['examples/northbridge-2024.yaml', E25, E26]);
    const text = run('trend', E26, E25);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Training Programme\s*│ Amber\s*│ Green ↑/);
  });

  it('trend: bad input exits 2 with file:line:col', () => {
    const r = run('trend', E25, BAD);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^test\/fixtures\/diff\/bad\.yaml:7:13: /m);
  });

  it('report --previous adds the change column and a "Changes since" section', () => {
    const r = run('report', NEW, '--previous', OLD, '--stdout');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 7 | Training Programme | **Amber** | Computed | Green → Amber (declined) |');
    expect(r.stdout).toContain('## Changes since 2023/24');
  });
});
