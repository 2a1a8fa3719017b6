// Dates: zod's z.iso.date() decides what is a date; monthsBefore counts calendar months.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../src/model/assessment-schema.js';
import { monthsBefore } from '../src/model/dates.js';

/** The check dutykit had before zod's, kept here as the oracle: a date that survives a round trip through Date. */
function roundTrips(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

describe('isIsoDate (zod)', () => {
  it.each([
    ['2025-03-12', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-3-1', false],
    ['12/03/2025', false],
    [' 2025-03-12', false],
    ['2025-03-12T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });

  it('agrees with a round trip through Date for every day, real or not, of years 0 to 9999', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(day, ([y, m, d]) => {
        const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(isIsoDate(s)).toBe(roundTrips(s));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2025-03-31', 1, '2025-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2025-01-15', 12, '2024-01-15'],
    ['2025-01-15', 13, '2023-12-15'],
    // Years below 100 are those years (Date.UTC would make 0050 into 1950).
    ['0050-06-30', 12, '0049-06-30'],
    ['0001-01-01', 1, '0000-12-01'],
  ])('%s less %i months is %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });
});
