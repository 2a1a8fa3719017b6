import { describe, expect, it } from 'vitest';
import { diffAssessments, directionOf } from '../src/diff/diff.js';
import { evaluateFailOn, parseFailOn, trips, type FailOn } from '../src/diff/fail-on.js';
import type { BenchmarkChange } from '../src/diff/types.js';
import { all, framework, side, type EntrySpec } from './diff-helpers.js';

const fw = framework('home-office-2018');
const TP = 'training-programme';

/** One benchmark's row when `before` becomes `after`, everything else left empty. */
function row(id: string, before: EntrySpec | undefined, after: EntrySpec | undefined, dates = ['2024-03-14', '2025-03-12']): BenchmarkChange {
  const old = side(fw, { date: dates[0], benchmarks: before ? { [id]: before } : {} });
  const now = side(fw, { date: dates[1], benchmarks: after ? { [id]: after } : {} });
  return diffAssessments(old, now).rows.find((r) => r.benchmark?.id === id)!;
}

describe('directionOf', () => {
  it.each([
    [-1, -1, 'unchanged'],
    [-1, 0, 'newly rated'],
    [2, -1, 'no longer rated'],
    [0, 2, 'improved'],
    [2, 1, 'declined'],
    [1, 1, 'unchanged'],
  ] as const)('%i → %i is %s', (before, after, expected) => expect(directionOf(before, after)).toBe(expected));
});

describe('a benchmark row: rating, direction and the causes that moved it', () => {
  const green = all(fw, TP, 'met');
  const amberTwoPartly = all(fw, TP, 'met', { 'training-needs-assessment': 'partly', 'completion-monitored': 'partly' });
  const amberOnePartly = all(fw, TP, 'met', { 'completion-monitored': 'partly' });
  const red = all(fw, TP, 'met', { 'completion-monitored': 'not-met' });
  const cases: [string, EntrySpec | undefined, EntrySpec | undefined, string, string, string[], string[]][] = [
    // name, before, after, before label, direction, cause kinds, decisive question ids
    ['the same answers', green, green, 'Green', 'unchanged', [], []],
    ['two essentials fall to partly', green, amberTwoPartly, 'Green', 'declined', ['answers'], ['training-needs-assessment', 'completion-monitored']],
    ['one essential rises to met', amberOnePartly, green, 'Amber', 'improved', ['answers'], ['completion-monitored']],
    ['one essential falls to not met', green, red, 'Green', 'declined', ['answers'], ['completion-monitored']],
    ['red to amber', red, amberOnePartly, 'Red', 'improved', ['answers'], ['completion-monitored']],
    ['a non-essential change that moves nothing', green, all(fw, TP, 'met', { 'contractors-covered': 'partly' }), 'Green', 'unchanged', [], []],
    ['answers recorded for the first time', { rating: 'green' }, amberTwoPartly, 'Green', 'declined', ['first-evidence', 'agreed'], []],
    ['no answers this time', green, { rating: 'green' }, 'Green', 'unchanged', ['no-evidence', 'agreed'], []],
    ['an agreed rating added', undefined, { rating: 'amber' }, 'Not yet rated', 'newly rated', ['agreed'], []],
    ['an agreed rating changed', { rating: 'green' }, { rating: 'red' }, 'Green', 'declined', ['agreed'], []],
    ['an agreed rating dropped, nothing computed', { rating: 'green' }, undefined, 'Green', 'no longer rated', ['agreed'], []],
    ['never rated', undefined, undefined, 'Not yet rated', 'unchanged', [], []],
  ];
  it.each(cases)('%s', (_name, before, after, beforeLabel, direction, kinds, decisive) => {
    const r = row(TP, before, after);
    expect(r.before?.label).toBe(beforeLabel);
    expect(r.direction).toBe(direction);
    expect(r.causes.map((c) => c.kind)).toEqual(kinds);
    expect(r.questions.filter((q) => q.decisive).map((q) => q.id)).toEqual(decisive);
    expect(r).toMatchObject({ comparison: 'same', likeForLike: true });
  });
});

describe('cause sentences', () => {
  it.each([
    [
      'decline names both essentials, with what they were',
      all(fw, TP, 'met'),
      all(fw, TP, 'met', { 'training-needs-assessment': 'partly', 'completion-monitored': 'partly' }),
      "Green → Amber: 'Training needs assessment' (essential) is now only partly met (was met); 'Completion is monitored' (essential) is now only partly met (was met)",
    ],
    ['improvement', all(fw, TP, 'met', { 'completion-monitored': 'partly' }), all(fw, TP, 'met'), "Amber → Green: 'Completion is monitored' (essential) is now met (was only partly met)"],
    [
      'evidence gone stale',
      all(fw, TP, 'met', { 'completion-monitored': ['met', '2024-01-01'] }),
      all(fw, TP, 'met', { 'completion-monitored': ['met', '2024-01-01'] }),
      "Green → Amber: 'Completion is monitored' (essential) now counts as partly met: its evidence was last reviewed on 2024-01-01, more than 12 months before the assessment",
    ],
    [
      'evidence reviewed again',
      all(fw, TP, 'met', { 'completion-monitored': ['met', '2022-01-01'] }),
      all(fw, TP, 'met', { 'completion-monitored': ['met', '2025-01-01'] }),
      "Amber → Green: 'Completion is monitored' (essential) is now met again: its evidence was reviewed on 2025-01-01",
    ],
    ['an agreed rating with its rationale', { rating: 'green' }, { rating: 'amber', rationale: 'Needs assessment missing' }, 'Agreed rating changed from Green to Amber'],
    ['an agreed rating that overrules the rules', all(fw, TP, 'met'), { ...all(fw, TP, 'met'), rating: 'amber', rationale: 'Not yet assured' }, 'Agreed as Amber by the group, where the rules give Green'],
    ['an agreed rating dropped', { rating: 'green' }, undefined, 'The agreed Green was dropped; the rating is now computed from the answers'],
  ] as const)('%s', (_name, before, after, text) => {
    const r = row(TP, before as EntrySpec, after as EntrySpec);
    expect(r.causes.map((c) => c.text)).toContain(text);
  });

  it('keeps the rationale beside an agreed-rating cause', () => {
    const r = row(TP, { rating: 'green' }, { rating: 'amber', rationale: 'Needs assessment missing' });
    expect(r.causes).toContainEqual({ kind: 'agreed', text: 'Agreed rating changed from Green to Amber', from: 'green', to: 'amber', rationale: 'Needs assessment missing' });
  });

  it('says "computed" when an agreed rating hides the computed move', () => {
    const r = row(TP, { ...all(fw, TP, 'met'), rating: 'green' }, { ...all(fw, TP, 'met', { 'completion-monitored': 'partly' }), rating: 'green', rationale: 'assured by audit' });
    expect(r.direction).toBe('unchanged');
    expect(r.causes[0]?.text).toMatch(/^Computed Green → Amber: 'Completion is monitored'/);
  });
});

describe('question-level changes', () => {
  it.each([
    ['first answer', 'answered', {}, { 'completion-monitored': 'met' }, "'Completion is monitored' (essential): answered Met"],
    ['new answer', 'changed', { 'completion-monitored': 'met' }, { 'completion-monitored': 'not-met' }, "'Completion is monitored' (essential): Met → Not met"],
    ['answer removed', 'unanswered', { 'completion-monitored': 'met', 'frontline-staff-trained': 'met' }, { 'frontline-staff-trained': 'met' }, "'Completion is monitored' (essential): Met → not answered"],
    ['evidence only', 'evidence', { 'completion-monitored': { answer: 'met', evidence: 'a' } }, { 'completion-monitored': { answer: 'met', evidence: 'b' } }, "'Completion is monitored' (essential): evidence updated (still Met)"],
    ['to n/a', 'changed', { 'contractors-covered': 'met' }, { 'contractors-covered': 'n/a' }, "'Contractors are covered': Met → Not applicable"],
    ['gone stale', 'stale', { 'contractors-covered': ['met', '2024-01-01'] }, { 'contractors-covered': ['met', '2024-01-01'] }, "'Contractors are covered': still Met, but its evidence (last reviewed 2024-01-01) is now out of date, so it counts as Partly met"],
    ['fresh again', 'fresh', { 'contractors-covered': ['met', '2022-01-01'] }, { 'contractors-covered': ['met', '2025-01-01'] }, "'Contractors are covered': evidence reviewed again on 2025-01-01, so it counts as Met again"],
  ] as const)('%s', (_name, change, before, after, text) => {
    const r = row(TP, { answers: before as EntrySpec['answers'] }, { answers: after as EntrySpec['answers'] });
    expect(r.questions).toHaveLength(1);
    expect(r.questions[0]).toMatchObject({ change, text });
  });
});

describe('the whole diff', () => {
  const old = side(fw, { date: '2024-03-14', benchmarks: { [TP]: all(fw, TP, 'met'), 'venue-hire': { rating: 'amber' } } });
  const now = side(fw, { date: '2025-03-12', benchmarks: { [TP]: all(fw, TP, 'met', { 'completion-monitored': 'partly' }), 'venue-hire': { rating: 'green' } } });
  const d = diffAssessments(old, now);

  it('counts ratings before and after, and directions', () => {
    expect(d.old.counts).toEqual({ red: 0, amber: 1, green: 1, unrated: 8 });
    expect(d.new.counts).toEqual({ red: 0, amber: 1, green: 1, unrated: 8 });
    expect(d.summary).toEqual({ improved: 1, declined: 1, unchanged: 8, 'newly rated': 0, 'no longer rated': 0 });
    expect(d.questionSets).toEqual({ shared: 61, old: 61, new: 61 });
    expect(d).toMatchObject({ sameFramework: true, mapping: 'same', notes: [] });
  });

  it('notes swapped dates and different authorities instead of failing', () => {
    const other = side(fw, { date: '2023-01-01', authority: 'Elsewhere' });
    expect(diffAssessments(old, other).notes).toEqual([
      'the assessments are of different authorities: Testshire County Council and Elsewhere',
      'the old assessment (2024-03-14) is dated after the new one (2023-01-01); were they given the other way round?',
    ]);
  });

  it('finds nothing between an assessment and itself', () => {
    const same = diffAssessments(now, now);
    expect(same.rows.every((r) => r.direction === 'unchanged' && r.causes.length === 0 && r.questions.length === 0)).toBe(true);
  });
});

describe('--fail-on', () => {
  const old = side(fw, { benchmarks: { [TP]: { rating: 'green' }, 'venue-hire': { rating: 'amber' }, 'channel-panel': { rating: 'green' }, communications: { rating: 'red' } } });
  const now = side(fw, {
    benchmarks: { [TP]: { rating: 'amber' }, 'venue-hire': { rating: 'green' }, 'channel-panel': { rating: 'red' }, communications: { rating: 'red' }, 'referral-process': { rating: 'amber' } },
  });
  const d = diffAssessments(old, now);
  const ids = (c: FailOn) => trips(d, c).map((r) => r.benchmark!.id);

  it.each([
    ['decline', ['channel-panel', 'training-programme']],
    ['red', ['channel-panel']],
    ['amber', ['referral-process', 'channel-panel', 'training-programme']],
    ['change', ['referral-process', 'channel-panel', 'training-programme', 'venue-hire']],
  ] as const)('%s trips on %j', (c, expected) => expect(ids(c)).toEqual(expected));

  it.each(['decline', 'red', 'amber', 'change'] as const)('identical files never trip %s', (c) => {
    expect(evaluateFailOn(diffAssessments(now, now), [c])).toEqual([]);
  });

  it.each([
    ['decline', { conditions: ['decline'] }],
    ['Decline, red,decline', { conditions: ['decline', 'red'] }],
    ['decline,worse', { unknown: 'worse' }],
    ['', { unknown: '' }],
  ] as const)('parses %j', (input, expected) => expect(parseFailOn(input)).toEqual(expected));
});
