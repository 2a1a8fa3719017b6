// The roll-up counted against a hand count of examples/schools (README of the example, below),
// roster matching, declines, and suppression of small numbers in every public format.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadRoster } from '../src/model/roster.js';
import { rateAssessment } from '../src/rating/rate.js';
import { rollupBlocks } from '../src/rollup/blocks.js';
import { FEWER_THAN_5, NOT_SHOWN, RollupBuilder, type Rollup } from '../src/rollup/model.js';
import { renderRollupMarkdown, renderRollupText } from '../src/rollup/render.js';
import { summarise } from '../src/rollup/summary.js';
import { BUNDLED, ROOT } from './helpers.js';

const DIR = join(ROOT, 'examples', 'schools');
const ROSTER = join(DIR, 'roster-2024-25.yaml');

function builder(files: string[]): RollupBuilder {
  const b = new RollupBuilder();
  for (const f of files) {
    const l = loadAssessment(f, BUNDLED);
    if (!l.value) throw new Error(l.problems.map((p) => p.message).join('\n'));
    b.add(l.value.framework, summarise(f, l.value.assessment, rateAssessment(l.value.framework, l.value.assessment)));
  }
  return b;
}
const returns = readdirSync(DIR).filter((n) => !n.includes('roster')).map((n) => join(DIR, n));
const roster = loadRoster(ROSTER, BUNDLED).value!;
const board = builder(returns).build({ audience: 'board', roster, asOf: '2025-04-30' });
const s = board.sections[0]!;

// Hand count of examples/schools: 13 files, 12 schools (Northbridge Academy sent two; the
// March one counts). Prevent training: Green 900001, -4, -5, -6, -8, -9, -10, -12; Amber
// 900002 (staff partly), 900007 (WRAP evidence reviewed 2023: counts as partly); Red 900003
// (governors not offered); Not yet rated 900011 (items 2 and 3 unanswered). Policy, referral
// and risk: Green 900001, -2, -4, -6, -7, -10, -11, -12; Amber 900008 (MASH partly); Red
// 900003 (MASH not met), 900005 (no risk assessment), 900009 (no action plan: a sixth form).
describe('the example counted by hand', () => {
  it('one section, 12 returns, ratings per benchmark', () => {
    expect(board.sections).toHaveLength(1);
    expect(s.returns).toBe(12);
    expect(s.benchmarks.map((b) => b.counts)).toEqual([
      { green: 8, amber: 2, red: 1, unrated: 1 },
      { green: 8, amber: 1, red: 3, unrated: 0 },
    ]);
  });

  it('answers per question, with not applicable to their kind and unanswered', () => {
    const row = (c: Record<string, unknown>) => [c.met, c.partly, c['not-met'], c['n/a'], c['not-for-kind'], c.unanswered];
    expect(s.questions.map((q) => [q.id, ...row(q.counts)])).toEqual([
      ['lead-wrap-trained', 12, 0, 0, 0, 0, 0],
      ['staff-prevent-awareness', 10, 1, 0, 0, 0, 1],
      ['governors-offered-training', 10, 0, 1, 0, 0, 1],
      ['policy-includes-prevent', 12, 0, 0, 0, 0, 0],
      ['concerns-through-mash', 10, 1, 1, 0, 0, 0],
      ['risk-assessment', 4, 0, 1, 0, 7, 0], // asked of 4 secondary and up only
      ['action-plan', 5, 0, 1, 2, 0, 4],
      ['british-values', 7, 2, 1, 0, 0, 2],
    ]);
  });

  it('against the roster: 12 returned, 2 not (with contacts), 1 late, none extra', () => {
    const r = s.roster!;
    expect(r.expected).toBe(14);
    expect((r.returned as unknown[]).length).toBe(12);
    expect(r.missing).toEqual([
      { reference: '900013', name: 'Westgate School', kind: 'secondary', kindLabel: 'Secondary school', contact: 'Chris Dunn, DSL <dsl@westgate.example>', overdue: true },
      { reference: '900014', name: 'Brookside Primary School', kind: 'primary', kindLabel: 'Primary school', contact: 'Ellie Moss <office@brookside.example>', overdue: true },
    ]);
    expect((r.late as { name: string; date: string }[]).map((x) => [x.name, x.date])).toEqual([['Northbridge College', '2025-04-14']]);
    expect(r.notOnRoster).toEqual([]);
  });

  it('the newer of two returns from one body is used, and said so', () => {
    expect(s.duplicates).toEqual([
      expect.objectContaining({ reference: '900004', used: expect.objectContaining({ date: '2025-03-20', file: join(DIR, '900004-northbridge-academy.yaml') }), superseded: [expect.objectContaining({ date: '2025-02-10' })] }),
    ]);
  });

  it('red bodies, overdue actions (not the set-aside return), stale evidence', () => {
    expect((s.red as { name: string; benchmarks: string[] }[]).map((x) => [x.name, x.benchmarks])).toEqual([
      ['Castle Hill School', ['Policy, referral and risk']],
      ['Northbridge Sixth Form College', ['Policy, referral and risk']],
      ['Riverside Infant School', ['Prevent training', 'Policy, referral and risk']],
    ]);
    expect((s.overdueActions as { name: string; due: string }[]).map((x) => [x.name, x.due])).toEqual([
      ['Riverside Infant School', '2025-01-31'],
      ['Thornfield School', '2025-03-01'],
    ]);
    expect((s.staleEvidence as { name: string; question: string; reviewed: string }[]).map((x) => [x.name, x.question, x.reviewed])).toEqual([
      ['Meadowbank Special School', 'Safeguarding lead WRAP trained', '2023-09-01'],
    ]);
  });

  it('not returned before the due date is not yet overdue', () => {
    const early = builder(returns).build({ audience: 'board', roster, asOf: '2025-03-01' });
    expect((early.sections[0]!.roster!.missing as { overdue: boolean }[]).map((x) => x.overdue)).toEqual([false, false]);
  });
});

describe('roster matching', () => {
  it('a return not on the roster, and a body with two returns, are both listed', () => {
    const fewer = { ...roster, bodies: roster.bodies.filter((b) => b.reference !== '900001') };
    const r = builder(returns).build({ audience: 'board', roster: fewer, asOf: '2025-04-30' }).sections[0]!.roster!;
    expect(r.notOnRoster).toEqual([{ reference: '900001', name: 'Northbridge Primary School', file: join(DIR, '900001-northbridge-primary-school.yaml') }]);
    expect(r.expected).toBe(13);
  });
});

describe('declines since the previous round', () => {
  it('the February return of Northbridge Academy as last round: nothing declined; the other way round, both benchmarks did', () => {
    const feb = builder([join(DIR, '900004-northbridge-academy-february.yaml')]);
    const mar = builder([join(DIR, '900004-northbridge-academy.yaml')]);
    expect(mar.build({ audience: 'board', asOf: '2025-04-30', previous: feb }).sections[0]!.declines).toEqual([]);
    const back = feb.build({ audience: 'board', asOf: '2025-04-30', previous: mar }).sections[0]!.declines as { benchmark: string; from: string; to: string }[];
    expect(back.map((d) => [d.benchmark, d.from, d.to])).toEqual([
      ['Prevent training', 'Green', 'Amber'],
      ['Policy, referral and risk', 'Green', 'Amber'],
    ]);
  });
});

describe('public roll-up: counts only, every count below 5 shown as "fewer than 5"', () => {
  const pub: Rollup = builder(returns).build({ audience: 'public', roster, asOf: '2025-04-30' });
  const p = pub.sections[0]!;
  const names = ['Riverside', 'Westgate', 'Castle Hill', 'Northbridge', '9000', 'example', 'Chris Dunn'];

  it('in the model (and so in JSON)', () => {
    expect(p.benchmarks[0]!.counts).toEqual({ green: 8, amber: FEWER_THAN_5, red: FEWER_THAN_5, unrated: FEWER_THAN_5 });
    expect(p.questions[5]!.counts).toEqual({ met: FEWER_THAN_5, partly: FEWER_THAN_5, 'not-met': FEWER_THAN_5, 'n/a': FEWER_THAN_5, 'not-for-kind': 7, unanswered: FEWER_THAN_5 });
    expect([p.red, p.overdueActions, p.staleEvidence, p.duplicates]).toEqual([FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5]);
    // 14 expected (a list of schools is public) and 12 counted would give 2 not returned, and 8
    // Green of 12 would leave 4 not Green: the returns counted and returned are withheld.
    expect(p.returns).toBe(NOT_SHOWN);
    expect(p.roster).toEqual({ period: '2024/25', due: '2025-03-31', expected: 14, returned: NOT_SHOWN, missing: FEWER_THAN_5, late: FEWER_THAN_5, notOnRoster: FEWER_THAN_5 });
    const json = JSON.stringify(pub);
    for (const n of names) expect(json).not.toContain(n);
    // No count below 5 written as a number anywhere (benchmark numbers are not counts).
    expect(json.match(/"[^"]+":\s*[0-4][,}]/g)?.filter((m) => !/^"(number|benchmark)"/.test(m))).toEqual([]);
  });

  it('in Markdown and text', () => {
    for (const text of [renderRollupMarkdown(rollupBlocks(pub)), renderRollupText(rollupBlocks(pub), 200)]) {
      for (const n of names) expect(text).not.toContain(n);
      expect(text).toContain('fewer than 5');
      // Every number in a table cell is 5 or more, or the column numbers of benchmarks (1, 2).
      const cells = text.split('\n').filter((l) => /^[|│]/.test(l)).flatMap((l) => l.split(/[|│]/).slice(2).map((c) => c.trim()));
      expect(cells.filter((c) => /^[0-4]$/.test(c))).toEqual([]);
    }
  });
});

