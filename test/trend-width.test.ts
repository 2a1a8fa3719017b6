// `trend` for a terminal with more assessments than fit: the newest that fit, and a line saying
// which older ones are left out and how to see them all. A table wider than the terminal wraps
// every line and falls apart (12 assessments made 177 columns at COLUMNS=80).
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { trend, trendSide } from '../src/diff/trend.js';
import { messages } from '../src/i18n/catalogue.js';
import { renderTrendText, shownPoints } from '../src/report/diff-terminal.js';
import { framework, side } from './diff-helpers.js';

const noColour = (_id: string, text: string) => text;
const columns = (s: string) => stringWidth(s.replace(/[\p{Mn}\p{Me}]/gu, ''));
const fw = framework('home-office-2018');
const WORDS = ['red', 'amber', 'green'];

/** `n` yearly assessments, the ratings turning over so that cells carry ↑ and ↓. */
function yearly(n: number) {
  return trend(
    Array.from({ length: n }, (_, i) => {
      const year = 2000 + i;
      const period = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
      return trendSide(side(fw, { date: `${year}-03-14`, period, benchmarks: { 'training-programme': { rating: WORDS[i % 3]! }, 'venue-hire': { rating: WORDS[(i + 1) % 3]! } } }));
    }),
  );
}
const TRENDS = new Map([5, 12, 1000].map((n) => [n, yearly(n)]));

describe.each([5, 12, 1000])('%i assessments', (n) => {
  it.each([40, 80, 200])('at %i columns no line is wider than the terminal, in English and Welsh', (width) => {
    for (const lang of ['en', 'cy']) {
      const out = renderTrendText(TRENDS.get(n)!, noColour, width, messages(lang));
      const over = out.split('\n').find((l) => columns(l) > width);
      expect(over, `${lang}: ${over}`).toBeUndefined();
    }
  });

  it.each([40, 80, 200])('at %i columns shows the newest assessment and says how many are left out', (width) => {
    const t = TRENDS.get(n)!;
    const out = renderTrendText(t, noColour, width).split('\n');
    const head = out.find((l) => l.startsWith('│ #'))!;
    const shown = head.split('│').length - 4;
    expect(head).toContain(t.points.at(-1)!.period);
    expect(shown).toBeGreaterThanOrEqual(1);
    const note = out.find((l) => /left out/.test(l));
    if (shown === n) expect(note).toBeUndefined();
    else expect(out.join(' ').replace(/\s+/g, ' ')).toContain(`The ${(n - shown).toLocaleString('en-GB')} oldest assessments, ${t.points[0]!.period} to ${t.points[n - shown - 1]!.period}, are left out to fit the terminal: --format md or --json shows all ${n.toLocaleString('en-GB')}.`);
  });
});

describe('shownPoints', () => {
  it('gives every assessment a column while each fits at its narrowest, as before', () => {
    // 1 + 3 × (2 + n) columns of border and padding, 2 + 12 for # and Benchmark, 10 an assessment.
    expect(shownPoints(4, 80, 2, 31)).toBe(4);
    expect(shownPoints(5, 86, 2, 31)).toBe(5);
    expect(shownPoints(5, 85, 2, 31)).toBe(4); // one column short: 85 - 7 - 2 - 20 leaves 4 × 13
  });

  it('keeps the benchmark column readable, and one assessment however narrow', () => {
    expect(shownPoints(12, 80, 2, 31)).toBe(3); // 80 - 7 - 2 - 20 leaves 3 × 13
    expect(shownPoints(12, 80, 2, 14)).toBe(4); // short names need only 14
    expect(shownPoints(12, 20, 2, 31)).toBe(1);
  });
});

describe('the line naming those left out', () => {
  it('names them by date as well when they share a period (several returns in one year)', () => {
    const t = trend(['2025-04-01', '2025-06-01', '2025-09-01', '2025-12-01'].map((date) => trendSide(side(fw, { date, period: '2025/26' }))));
    const note = renderTrendText(t, noColour, 60).replace(/\s+/g, ' ');
    expect(note).toContain('The 2 oldest assessments, 2025/26 (2025-04-01) to 2025/26 (2025-06-01), are left out');
  });
});

describe('a small case, as an officer sees it', () => {
  it('at 60 columns: the newest two of five, and the line under the table (English and Welsh)', () => {
    const t = yearly(5);
    expect(`\n${renderTrendText(t, noColour, 60)}`).toMatchInlineSnapshot(`
      "
      Prevent duty toolkit for local authorities and partner
        agencies (2018) (home-office-2018 1.0.0); ↑ improved, ↓
        declined since the previous assessment
      ┌────┬──────────────────────┬───────────────┬──────────────┐
      │ #  │ Benchmark            │ 2003/04       │ 2004/05      │
      │    │                      │ 2003-03-14    │ 2004-03-14   │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 1  │ Local Risk           │ Not yet rated │ Not yet      │
      │    │ Assessment           │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 2  │ Multi Agency         │ Not yet rated │ Not yet      │
      │    │ Partnership Board    │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 3  │ PREVENT Partnership  │ Not yet rated │ Not yet      │
      │    │ Action Plan          │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 4  │ Referral Process     │ Not yet rated │ Not yet      │
      │    │                      │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 5  │ Channel Panel        │ Not yet rated │ Not yet      │
      │    │                      │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 6  │ PREVENT Problem      │ Not yet rated │ Not yet      │
      │    │ Solving Process      │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 7  │ Training Programme   │ Red ↓         │ Amber ↑      │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 8  │ Venue Hire           │ Amber ↑       │ Green ↑      │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 9  │ Community Engagement │ Not yet rated │ Not yet      │
      │    │                      │               │ rated        │
      ├────┼──────────────────────┼───────────────┼──────────────┤
      │ 10 │ Communications       │ Not yet rated │ Not yet      │
      │    │                      │               │ rated        │
      └────┴──────────────────────┴───────────────┴──────────────┘
      The 3 oldest assessments, 2000/01 to 2002/03, are left out
        to fit the terminal: --format md or --json shows all 5.
      2000/01 (home-office-2018): 0 Green · 1 Amber · 1 Red · 8
        Not yet rated
      2001/02 (home-office-2018): 1 Green · 1 Amber · 0 Red · 8
        Not yet rated
      2002/03 (home-office-2018): 1 Green · 0 Amber · 1 Red · 8
        Not yet rated
      2003/04 (home-office-2018): 0 Green · 1 Amber · 1 Red · 8
        Not yet rated
      2004/05 (home-office-2018): 1 Green · 1 Amber · 0 Red · 8
        Not yet rated
      "
    `);
    expect(renderTrendText(t, noColour, 60, messages('cy')).split('\n').filter((l) => !l.startsWith('│') && !/^[┌├└]/.test(l)).slice(3, 6).join('\n')).toMatchInlineSnapshot(`
      "Mae'r 3 asesiad hynaf, 2000/01 i 2002/03, wedi'u gadael
        allan er mwyn ffitio'r derfynell: mae --format md neu
        --json yn dangos y 5 i gyd."
    `);
  });
});
