import { describe, expect, it } from 'vitest';
import { trend } from '../src/diff/trend.js';
import { framework, side } from './diff-helpers.js';

const fw18 = framework('home-office-2018');
const fw24 = framework('home-office-2024');

const y2024 = side(fw18, { date: '2024-03-14', period: '2023/24', benchmarks: { 'training-programme': { rating: 'green' }, communications: { rating: 'green' }, 'community-engagement': { rating: 'amber' }, 'problem-solving-process': { rating: 'green' } } });
const y2025 = side(fw18, { date: '2025-03-12', period: '2024/25', benchmarks: { 'training-programme': { rating: 'amber' }, communications: { rating: 'amber' }, 'community-engagement': { rating: 'green' }, 'problem-solving-process': { rating: 'amber' } } });
const y2026 = side(fw24, { date: '2026-03-11', period: '2025/26', benchmarks: { 'training-programme': { rating: 'green' }, 'communications-and-engagement': { rating: 'green' } } });

describe('trend', () => {
  const t = trend([y2026, y2024, y2025]);
  const row = (id: string) => t.rows.find((r) => r.benchmark.id === id)!;
  const cells = (id: string) => row(id).cells.map((c) => (c ? `${c.label}${c.direction ? ` ${c.direction}` : ''}` : null));

  it('orders the assessments by date and follows the newest framework', () => {
    expect(t.points.map((p) => p.period)).toEqual(['2023/24', '2024/25', '2025/26']);
    expect(t.framework.id).toBe('home-office-2024');
    expect(t.rows.map((r) => r.benchmark.id)).toEqual([...fw24.benchmarks.map((b) => b.id), 'problem-solving-process']);
  });

  it.each([
    ['training-programme', ['Green', 'Amber declined', 'Green improved'], true],
    ['communications-and-engagement', ['Amber', 'Amber unchanged', 'Green improved'], false],
    ['problem-solving-process', ['Green', 'Amber declined', null], false],
    ['channel-panel', ['Not yet rated', 'Not yet rated unchanged', 'Not yet rated unchanged'], true],
  ] as const)('%s', (id, expected, likeForLike) => {
    expect(cells(id)).toEqual(expected);
    expect(row(id).likeForLike).toBe(likeForLike);
  });

  it('keeps each merged rating, and measures change from the lowest', () => {
    expect(row('communications-and-engagement').cells[0]?.parts?.map((p) => `${p.title}: ${p.label}`)).toEqual(['Community Engagement: Amber', 'Communications: Green']);
    expect(row('communications-and-engagement').note).toBe('merges Community Engagement / Communications of home-office-2018');
    expect(row('problem-solving-process').note).toBe('no successor in home-office-2024');
  });

  it('keeps the given order for assessments of the same date', () => {
    const a = side(fw18, { date: '2025-01-01', period: 'first' });
    const b = side(fw18, { date: '2025-01-01', period: 'second' });
    expect(trend([a, b]).points.map((p) => p.period)).toEqual(['first', 'second']);
    expect(trend([b, a]).points.map((p) => p.period)).toEqual(['second', 'first']);
  });

  it('copes with no assessments and with one', () => {
    expect(trend([]).notes).toEqual(['no assessments given']);
    expect(trend([y2025]).rows.find((r) => r.benchmark.id === 'training-programme')?.cells).toEqual([{ rating: 'amber', label: 'Amber', basis: 'agreed' }]);
  });
});
