// Trend over many files keeps only what it shows of each, and lets the event loop turn.
import { describe, expect, it } from 'vitest';
import { trend, trendSide } from '../src/diff/trend.js';
import { inTurn } from '../src/cli/in-turn.js';
import { framework, side } from './diff-helpers.js';
import { dutykit } from './helpers.js';

const fw18 = framework('home-office-2018');
const fw24 = framework('home-office-2024');
const sides = [
  side(fw18, { date: '2024-03-14', period: '2023/24', benchmarks: { 'training-programme': { rating: 'green' }, communications: { rating: 'amber' } } }),
  side(fw18, { date: '2025-03-12', period: '2024/25', benchmarks: { 'training-programme': { rating: 'amber' }, 'venue-hire': { rating: 'red' } } }),
  side(fw24, { date: '2026-03-11', period: '2025/26', benchmarks: { 'training-programme': { rating: 'green' } } }),
].map((s, i) => ({ ...s, file: `y${i}.yaml` }));

describe('trendSide', () => {
  it('gives the same trend as the whole rated assessments', () => {
    expect(trend(sides.map(trendSide))).toEqual(trend(sides));
  });

  it('keeps no answers, evidence or reasons', () => {
    const slim = trendSide(sides[1]!);
    expect(Object.keys(slim.assessment).sort()).toEqual(['authority', 'date', 'period']);
    expect(Object.keys(slim.ratings[0]!).sort()).toEqual(['basis', 'benchmark', 'final']);
    expect(slim.file).toBe('y1.yaml');
  });
});

describe('inTurn', () => {
  it('runs each item in order and lets waiting callbacks run during a long loop', async () => {
    const seen: number[] = [];
    let turned = -1;
    setImmediate(() => (turned = seen.length));
    await inTurn(Array.from({ length: 100 }, (_, i) => i), (n, i) => {
      expect(n).toBe(i);
      seen.push(n);
    });
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // The callback ran part way through, not after the last item.
    expect(turned).toBeGreaterThan(0);
    expect(turned).toBeLessThan(100);
  });
});

describe('trend: one file named twice', () => {
  it('is one point, with a warning naming the second mention', () => {
    const ex = 'examples/northbridge-2025.yaml';
    const r = dutykit(['trend', 'examples/northbridge-2024.yaml', ex, ex, `./${ex}`, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).points.map((p: { date: string }) => p.date)).toEqual(['2024-03-14', '2025-03-12']);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `${ex}: warning: named twice; read once`,
      `./${ex}: warning: the same file as ${ex} (named twice, or by a link); read once`,
    ]);
  });
});
