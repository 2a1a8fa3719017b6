// Small-number protection (src/rollup/disclosure.ts): no count below 5 is published, and none
// can be worked out from what is. Table cases by hand, then random tables checked by brute
// force: every way of filling the withheld counts that fits the published ones is tried.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withhold, type Sum } from '../src/rollup/disclosure.js';
import { RollupBuilder } from '../src/rollup/model.js';
import { framework } from './helpers.js';

const row = (counts: Record<string, number>) => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const values = new Map([['total', total], ...Object.entries(counts)]);
  return { values, sums: [{ total: 'total', parts: Object.keys(counts) }] };
};
const sorted = (s: Set<string>) => [...s].sort();

describe('withhold: one row and its total', () => {
  it.each([
    // 12 of 14: the 2 alone would be 14 − 12.
    [{ a: 12, b: 2 }, ['a', 'b']],
    // Zeros are small too; two zeros beside the total are both 0.
    [{ a: 12, b: 0, c: 0 }, ['a', 'b', 'c']],
    // 8 of 12 leaves 4 across the others: "4 not Green" is a count below 5.
    [{ a: 8, b: 3, c: 1 }, ['a', 'b', 'c']],
    // 1 would be 15 − 8 − 6: the smaller of the two shown goes.
    [{ a: 8, b: 6, c: 1 }, ['b', 'c']],
    [{ a: 8, b: 6 }, []],
    // 3 and 3 of 6: each is at least 2, which "fewer than 5" does not say: the total goes.
    [{ a: 3, b: 3 }, ['a', 'b', 'total']],
    // 5 spread over two small counts, each still 1 to 4: safe with the total shown.
    [{ a: 9, b: 4, c: 1, d: 0 }, ['b', 'c', 'd']],
  ])('%o withholds %o', (counts, expected) => {
    const { values, sums } = row(counts);
    expect(sorted(withhold(values, sums))).toEqual(expected);
  });
});

describe('withhold: the roster, tied to the returns counted', () => {
  // expected = returned + missing; returns = returned + not on roster; returned = late + on time.
  const roster = (v: Record<string, number>) => {
    const values = new Map(Object.entries(v));
    const sums: Sum[] = [
      { total: 'expected', parts: ['returned', 'missing'] },
      { total: 'returns', parts: ['returned', 'notOnRoster'] },
      { total: 'returned', parts: ['late', 'onTime'] },
      // Every table's rows add up to the returns counted: withholding that spreads to all of them.
      { total: 'returns', parts: ['green', 'amber'] },
      { total: 'returns', parts: ['amber', 'green'] },
      { total: 'returns', parts: ['green', 'amber'] },
    ];
    return withhold(values, sums, { unpublished: new Set(['onTime']) });
  };

  it('14 expected and 12 counted would give 2 not returned: the expected count is withheld', () => {
    const hidden = roster({ expected: 14, returns: 12, returned: 12, missing: 2, notOnRoster: 0, late: 1, onTime: 11, green: 7, amber: 5 });
    expect(sorted(hidden)).toEqual(['expected', 'late', 'missing', 'notOnRoster', 'returned']);
  });

  it('none from outside the roster, with returned shown, is 0: returned and the next smallest go', () => {
    const hidden = roster({ expected: 30, returns: 20, returned: 20, missing: 10, notOnRoster: 0, late: 6, onTime: 14, green: 10, amber: 10 });
    expect(sorted(hidden)).toEqual(['missing', 'notOnRoster', 'returned']);
  });

  it('never names a part no table shows', () => {
    const hidden = roster({ expected: 6, returns: 6, returned: 6, missing: 0, notOnRoster: 0, late: 0, onTime: 6, green: 6, amber: 0 });
    expect(hidden.has('onTime')).toBe(false);
  });
});

/**
 * Every filling of a row's withheld counts that fits what is published (a count below 5 is at
 * most 4, a "not shown" one anything up to the largest true count; the total is the parts'
 * sum and must match it when shown): the values each part can take.
 */
function possible(values: Map<string, number>, parts: string[], hidden: Set<string>): Map<string, Set<number>> {
  const top = Math.max(...values.values());
  const seen = new Map(parts.map((c) => [c, new Set<number>()]));
  const total = values.get('total')!;
  const fill: number[] = [];
  const go = (i: number): void => {
    if (i === parts.length) {
      const sum = fill.reduce((a, b) => a + b, 0);
      if (hidden.has('total') ? total < 5 ? sum < 5 : true : sum === total) parts.forEach((c, j) => seen.get(c)!.add(fill[j]!));
      return;
    }
    const v = values.get(parts[i]!)!;
    const range = !hidden.has(parts[i]!) ? [v] : Array.from({ length: (v < 5 ? 4 : top) + 1 }, (_, k) => k);
    for (const x of range) ((fill[i] = x), go(i + 1));
  };
  go(0);
  return seen;
}

describe('withhold: random rows, checked by trying every filling', () => {
  it('each count below 5 could be anything from 0 to 4, and no withheld group adds to 1–4', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 2, maxLength: 4 }), (xs) => {
        const { values, sums } = row(Object.fromEntries(xs.map((x, i) => [`c${i}`, x])));
        const parts = sums[0]!.parts;
        const hidden = withhold(values, sums);
        for (const [k, v] of values) if (v < 5) expect(hidden.has(k)).toBe(true);
        const can = possible(values, parts, hidden);
        for (const k of parts) if (values.get(k)! < 5) expect([...can.get(k)!].sort()).toEqual([0, 1, 2, 3, 4]);
        // The withheld parts together, known when the total is shown: 5 or more.
        const withheld = parts.filter((p) => hidden.has(p));
        if (withheld.length && !hidden.has('total')) expect(withheld.reduce((t, p) => t + values.get(p)!, 0)).toBeGreaterThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });
});

describe('withhold: random rosters, checked by trying every filling', () => {
  it('not returned and not on the roster below 5 could each be anything from 0 to 4', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), (returned, missing, notOnRoster) => {
        const v = { returned, missing, notOnRoster, expected: returned + missing, returns: returned + notOnRoster };
        const values = new Map(Object.entries(v));
        const sums: Sum[] = [
          { total: 'expected', parts: ['returned', 'missing'] },
          { total: 'returns', parts: ['returned', 'notOnRoster'] },
          { total: 'returns', parts: ['returned', 'notOnRoster'] },
        ];
        const hidden = withhold(values, sums);
        // Every (returned, missing, not on roster) a reader could not rule out.
        const top = 25;
        const range = (k: keyof typeof v) => (!hidden.has(k) ? [v[k]] : Array.from({ length: (v[k] < 5 ? 4 : top) + 1 }, (_, i) => i));
        const can = { returned: new Set<number>(), missing: new Set<number>(), notOnRoster: new Set<number>() };
        const fits = (k: 'expected' | 'returns', x: number) => (!hidden.has(k) ? x === v[k] : v[k] < 5 ? x < 5 : true);
        for (const r of range('returned'))
          for (const m of range('missing'))
            for (const n of range('notOnRoster'))
              if (fits('expected', r + m) && fits('returns', r + n)) (can.returned.add(r), can.missing.add(m), can.notOnRoster.add(n));
        for (const k of ['returned', 'missing', 'notOnRoster'] as const) if (v[k] < 5) expect([...can[k]].sort()).toEqual([0, 1, 2, 3, 4]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a public roll-up: the sums between its tables', () => {
  const fw = framework('thurrock-schools-2020');
  const count = fw.benchmarks.flatMap((b) => b.questions.filter((q) => !q.retired)).length;
  /** Bodies from columns: each a list of one value per body (ratings of two benchmarks, answers of question 1). */
  const build = (b1: string[], b2: string[], q1: string[] = b1.map(() => 'met'), previous?: RollupBuilder) => {
    const builder = new RollupBuilder();
    b1.forEach((r, i) =>
      builder.add(fw, { file: `${i}.yaml`, name: `School ${i}`, reference: String(900100 + i), kind: 'primary', period: '2024/25', date: '2025-03-01', ratings: [r, b2[i]!], answers: [q1[i]!, ...Array(count - 1).fill('met')], overdue: [], stale: [] }),
    );
    return { builder, p: builder.build({ audience: 'public', asOf: '2025-04-01', ...(previous && { previous }) }).sections[0]! };
  };
  const times = (n: number, x: string) => Array(n).fill(x) as string[];

  it('10 bodies with a Red benchmark and 6 Red on benchmark 1 do not leave "4 Red on benchmark 2"', () => {
    // Benchmark 1 Red for 6 bodies, benchmark 2 Red for 4 others.
    const { p } = build([...times(6, 'red'), ...times(7, 'green'), ...times(7, 'amber')], [...times(6, 'green'), ...times(4, 'red'), ...times(2, 'green'), ...times(8, 'amber')]);
    expect(p.benchmarks[1]!.counts.red).toBe('fewer than 5');
    expect([p.red, p.benchmarks[0]!.counts.red].some((c) => typeof c !== 'number')).toBe(true);
  });

  it('declines cannot add up to every small count below the top rating (24 of at most 6 × 4)', () => {
    const { builder: before } = build(times(26, 'green'), times(26, 'green'));
    const now = [...times(14, 'green'), ...times(4, 'amber'), ...times(4, 'red'), ...times(4, 'unrated')];
    const { p } = build(now, now, undefined, before);
    expect(p.benchmarks[0]!.counts).toMatchObject({ amber: 'fewer than 5', red: 'fewer than 5', unrated: 'fewer than 5' });
    expect(p.declines).toBe('not shown');
  });

  it('"not applicable to their kind" is 0 for a question asked of every kind: the others are not pinned by it', () => {
    const q1 = [...times(10, 'met'), ...times(4, 'partly'), ...times(4, 'not-met'), ...times(4, 'n/a'), ...times(4, 'unanswered')];
    const { p } = build(times(26, 'green'), times(26, 'green'), q1);
    expect(p.questions[0]!.counts.partly).toBe('fewer than 5');
    expect(p.questions[0]!.counts.met).toBe('not shown');
  });

  it('the rules tie ratings to answers: 12 Red needs 12 essential items not met, so 3 × 4 would be pinned', () => {
    // Red on benchmark 1 for 12 bodies: 4 each with question 1, 2 or 3 not met (question 1 shown here).
    const b1 = [...times(12, 'red'), ...times(14, 'green')];
    const q1 = [...times(4, 'not-met'), ...times(22, 'met')];
    const builder = new RollupBuilder();
    b1.forEach((r, i) => {
      const answers = Array(count).fill('met') as string[];
      if (i < 12) answers[Math.floor(i / 4)] = 'not-met';
      builder.add(fw, { file: `${i}.yaml`, name: `S${i}`, reference: String(i), kind: 'primary', period: '2024/25', date: '2025-03-01', ratings: [r, 'green'], answers, overdue: [], stale: [] });
    });
    const p = builder.build({ audience: 'public', asOf: '2025-04-01' }).sections[0]!;
    expect(q1.length).toBe(26);
    expect([0, 1, 2].map((i) => p.questions[i]!.counts['not-met'])).toEqual(['fewer than 5', 'fewer than 5', 'fewer than 5']);
    expect(p.benchmarks[0]!.counts.red).toBe('not shown');
  });
});
