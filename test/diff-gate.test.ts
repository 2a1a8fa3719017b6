// The CI gate cannot be slipped past: deleting answers is a decline.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { diffAssessments } from '../src/diff/diff.js';
import { evaluateFailOn, trips } from '../src/diff/fail-on.js';
import { all, framework, ROOT, side } from './diff-helpers.js';

const fw18 = framework('home-office-2018');
const fw24 = framework('home-office-2024');
const tmp = mkdtempSync(join(tmpdir(), 'dutykit-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/dutykit.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--fail-on decline: a rated benchmark that becomes Not yet rated is a decline', () => {
  const TP = 'training-programme';
  const ids = (d: ReturnType<typeof diffAssessments>) => trips(d, 'decline').map((r) => r.benchmark?.id ?? r.from[0]!.id);

  it.each([
    ['its answers deleted', { [TP]: all(fw18, TP, 'met') }, {}],
    ['its agreed rating deleted', { [TP]: { rating: 'amber' } }, {}],
    ['an essential answer deleted', { [TP]: all(fw18, TP, 'met') }, { [TP]: all(fw18, TP, 'met', { 'completion-monitored': {} }) }],
  ])('%s', (_what, before, after) => {
    const d = diffAssessments(side(fw18, { benchmarks: before }), side(fw18, { benchmarks: after }));
    expect(d.rows.find((r) => r.benchmark?.id === TP)!.direction).toBe('no longer rated');
    expect(ids(d)).toEqual([TP]);
  });

  it('a benchmark the new framework no longer has is a change, not a decline', () => {
    const d = diffAssessments(side(fw18, { benchmarks: { 'problem-solving-process': { rating: 'green' } } }), side(fw24));
    expect(d.rows.find((r) => r.from[0]?.id === 'problem-solving-process')).toMatchObject({ benchmark: null, direction: 'no longer rated' });
    expect(ids(d)).toEqual([]);
    expect(evaluateFailOn(d, ['change'])).toHaveLength(1);
  });

  it('through the binary: answers of every rated benchmark deleted, exit 1 naming each', () => {
    const file = join(ROOT, 'examples/northbridge-2025.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const emptied: string[] = [];
    for (const item of (doc.get('benchmarks') as { items: { key: { value: string } }[] }).items) {
      const id = item.key.value;
      if (doc.getIn(['benchmarks', id, 'answers'])) {
        doc.deleteIn(['benchmarks', id, 'answers']);
        doc.deleteIn(['benchmarks', id, 'rating']);
        doc.deleteIn(['benchmarks', id, 'rationale']);
        emptied.push(id);
      }
    }
    expect(emptied.length).toBeGreaterThan(3);
    const after = join(tmp, 'deleted.yaml');
    writeFileSync(after, doc.toString());
    const r = run('diff', file, after, '--fail-on', 'decline');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^--fail-on decline: ${emptied.length} benchmarks declined: `));
    expect(r.stderr.match(/→ Not yet rated\)/g)).toHaveLength(emptied.length);
  });
});
