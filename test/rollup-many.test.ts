// Many returns: the loop shared by rollup, status and validate lets the event loop turn (so
// garbage collection can finish), and each return costs one look-up of its path, not four.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eachReturn } from '../src/cli/returns.js';
import { BIN, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-many-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EXAMPLE = readFileSync(join(ROOT, 'examples/schools/900001-northbridge-primary-school.yaml'), 'utf8');

/** A folder of `n` returns, each its own school. */
function returns(n: number): string {
  const dir = join(tmp, `r${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `${100000 + i}.yaml`), EXAMPLE.replace(/^reference: .*$/m, `reference: "${100000 + i}"`));
  return dir;
}

describe('eachReturn', () => {
  it('hands on every return in name order and lets waiting callbacks run part way through', async () => {
    const dir = returns(40);
    const seen: string[] = [];
    let turned = -1;
    setImmediate(() => (turned = seen.length));
    const count = await eachReturn([dir], (o) => void seen.push(o.assessment.reference!));
    expect(count).toBe(40);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => String(100000 + i)));
    expect(turned).toBeGreaterThan(0);
    expect(turned).toBeLessThan(40);
  });
});

// Counts the file-system calls that look a path up, in the built CLI, written at exit (without
// the code cache, whose reads and writes depend on the runs before).
const COUNTER = `const fs = require('fs'); const n = {};
for (const k of ['statSync', 'lstatSync', 'existsSync', 'realpathSync', 'openSync', 'readFileSync', 'accessSync']) {
  const f = fs[k]; fs[k] = function (...a) { n[k] = (n[k] || 0) + 1; return f.apply(this, a); };
}
process.on('exit', () => fs.writeFileSync(process.env.COUNT_TO, JSON.stringify(n)));`;

function lookups(args: string[]): number {
  const hook = join(tmp, 'count.cjs');
  const to = join(tmp, 'count.json');
  writeFileSync(hook, COUNTER);
  const r = spawnSync(process.execPath, ['-r', hook, BIN, ...args], { cwd: ROOT, env: { ...process.env, COUNT_TO: to, DUTYKIT_CACHE: 'off' }, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return Object.values(JSON.parse(readFileSync(to, 'utf8')) as Record<string, number>).reduce((a, b) => a + b, 0);
}

describe('the cost of one more return', () => {
  it.each([['rollup'], ['status']])('%s looks each return up once (it opens it), however many there are', (command) => {
    const few = lookups([command, returns(10), '--json']);
    const many = lookups([command, returns(50), '--json']);
    // Forty more returns, forty more opens: no stat before reading, no search for the bundled framework again.
    expect(many - few).toBe(40);
  });
});
