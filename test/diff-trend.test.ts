import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { trend } from '../src/diff/trend.js';
import { framework, ROOT, schemaProblems, side } from './diff-helpers.js';

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

// End to end: the built binary's `trend --format json` against schemas/trend.schema.json. Needs
// `npm run build` first (`npm test` does it).
describe('dutykit trend --format json and schemas/trend.schema.json', () => {
  const E24 = 'examples/northbridge-2024.yaml';
  const E25 = 'examples/northbridge-2025.yaml';
  const E26 = 'examples/northbridge-2026.yaml';
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/trend.schema.json'), 'utf8'));

  function trendJson(...files: string[]) {
    const r = spawnSync(process.execPath, ['bin/dutykit.js', 'trend', ...files, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect([r.status, r.stderr]).toEqual([0, '']);
    return JSON.parse(r.stdout);
  }

  type Json = { points: unknown[]; rows: { benchmark: { id: string }; cells: ({ parts?: unknown[]; basis?: string; direction?: string } | null)[]; comparisons: string[]; likeForLike: boolean; note?: string }[] } & Record<string, unknown>;
  const rowOf = (t: Json, id: string) => t.rows.find((r) => r.benchmark.id === id)!;

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
  });

  it.each([
    ['the three examples, 2026 on the 2024 framework', [E26, E24, E25]],
    ['two files on the same framework', [E24, E25]],
    ['two files across frameworks', [E24, E26]],
    ['one file alone', [E26]],
    ['one 2018 file alone', [E24]],
  ])('%s validates', (_, files) => {
    const t = trendJson(...files);
    expect(schemaProblems(schema, t)).toEqual([]);
    expect(t.schema).toBe('dutykit/trend@1');
    expect(t.points).toHaveLength(files.length);
    // What the schema cannot say: one cell per point.
    for (const r of t.rows) expect(r.cells).toHaveLength(files.length);
  });

  it('the three examples exercise every kind of cell and row the schema allows for', () => {
    const t: Json = trendJson(E24, E25, E26);
    const merged = rowOf(t, 'communications-and-engagement');
    expect(merged.comparisons).toEqual(['merged']);
    expect(merged.likeForLike).toBe(false);
    expect(merged.note).toBe('merges Community Engagement / Communications of home-office-2018');
    expect(merged.cells[0]).toEqual({ rating: 'amber', label: 'Amber', parts: [{ id: 'community-engagement', title: 'Community Engagement', rating: 'amber', label: 'Amber' }, { id: 'communications', title: 'Communications', rating: 'green', label: 'Green' }] });
    expect(merged.cells.map((c) => c?.direction)).toEqual([undefined, 'unchanged', 'improved']);
    const gone = rowOf(t, 'problem-solving-process');
    expect([gone.comparisons, gone.likeForLike, gone.note, gone.cells[2]]).toEqual([['unmapped'], false, 'no successor in home-office-2024', null]);
    expect(rowOf(t, 'training-programme')).toMatchObject({ comparisons: ['mapped'], likeForLike: true });
    expect(rowOf(t, 'training-programme')).not.toHaveProperty('note');
    const same: Json = trendJson(E24, E25);
    expect(same.rows.every((r) => r.comparisons.length === 0 && r.likeForLike && r.note === undefined)).toBe(true);
  });

  it.each<[string, (t: Json) => void, string[]]>([
    ['another version', (t) => (t.schema = 'dutykit/trend@2'), ['$.schema: expected "dutykit/trend@1"']],
    ['an unknown key', (t) => (t.extra = true), ['$: unexpected key "extra"']],
    ['a point without its date', (t) => delete (t.points[0] as Record<string, unknown>).date, ['$.points[0]: missing required "date"']],
    ['a row without likeForLike', (t) => delete (rowOf(t, 'training-programme') as Partial<Json['rows'][0]>).likeForLike, ['$.rows[5]: missing required "likeForLike"']],
    ['a direction that is not one', (t) => (rowOf(t, 'training-programme').cells[1]!.direction = 'worse'), ['$.rows[5].cells[1]: matches 0 of the oneOf choices, expected exactly 1']],
    ['a merged cell with a basis', (t) => (rowOf(t, 'communications-and-engagement').cells[0]!.basis = 'agreed'), ['$.rows[7].cells[0]: matches 0 of the oneOf choices, expected exactly 1']],
    ['a merged cell of one part', (t) => rowOf(t, 'communications-and-engagement').cells[0]!.parts!.pop(), ['$.rows[7].cells[0]: matches 0 of the oneOf choices, expected exactly 1']],
    ['a not-like-for-like row without its note', (t) => delete rowOf(t, 'communications-and-engagement').note, ['$.rows[7]: matches 0 of the oneOf choices, expected exactly 1']],
    ['a like-for-like row with a note', (t) => (rowOf(t, 'training-programme').note = 'why?'), ['$.rows[5]: matches 2 of the oneOf choices, expected exactly 1']],
    ['a comparison of "same"', (t) => (rowOf(t, 'training-programme').comparisons = ['same']), ['$.rows[5].comparisons[0]: "same" not in ["mapped","merged","split","new","unmapped"]']],
    ['a comparison twice', (t) => rowOf(t, 'communications-and-engagement').comparisons.push('merged'), ['$.rows[7].comparisons: items are not unique']],
  ])('the schema rejects %s', (_, spoil, problems) => {
    const t: Json = trendJson(E24, E25, E26);
    expect(schemaProblems(schema, t)).toEqual([]);
    spoil(t);
    expect(schemaProblems(schema, t)).toEqual(problems);
  });

  it('says why a cell is wrong when checked on its own', () => {
    const cell = { rating: 'amber', label: 'Amber', basis: 'computed', direction: 'worse' };
    expect(schemaProblems(schema, cell, schema.$defs.cell)).toEqual(['$.direction: "worse" not in ["improved","declined","unchanged","newly rated","no longer rated"]']);
  });
});
