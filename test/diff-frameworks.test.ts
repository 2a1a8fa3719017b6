import { describe, expect, it } from 'vitest';
import { diffAssessments } from '../src/diff/diff.js';
import { mappingBetween } from '../src/diff/mapping.js';
import type { Framework } from '../src/model/framework-schema.js';
import { all, framework, side } from './diff-helpers.js';

const fw18 = framework('home-office-2018');
const fw24 = framework('home-office-2024');

describe('benchmarks/home-office-2024', () => {
  it('has the eight sections of the 2024 toolkit, in order', () => {
    expect(fw24.benchmarks.map((b) => `${b.number}. ${b.title}`)).toEqual([
      '1. Multi-Agency Partnership Group',
      '2. Local Risk Assessment Process',
      '3. Partnership Plan',
      '4. Referral Pathway',
      '5. Channel Panel',
      '6. Training Programme',
      '7. Reducing Permissive Environments',
      '8. Communications and Engagement',
    ]);
  });

  it('uses the 2018 answers, ratings and rules, so ratings mean the same in both', () => {
    expect(fw24.answers).toEqual(fw18.answers);
    expect(fw24.ratings).toEqual(fw18.ratings);
    expect(fw24.rules).toEqual(fw18.rules);
  });

  it.each(fw24.benchmarks.map((b) => [b.id, b.questions.length]))('%s asks 4 to 7 questions (%i)', (_id, n) => {
    expect(n).toBeGreaterThanOrEqual(4);
    expect(n).toBeLessThanOrEqual(7);
  });

  it('maps every 2018 benchmark, to a 2024 section or explicitly to none', () => {
    const map = fw24.maps_from!;
    expect(map.framework).toBe('home-office-2018');
    expect(Object.keys(map.benchmarks).sort()).toEqual(fw18.benchmarks.map((b) => b.id).sort());
    for (const target of Object.values(map.benchmarks)) if (target !== null) expect(fw24.benchmarks.map((b) => b.id)).toContain(target);
    expect(map.benchmarks['problem-solving-process']).toBeNull();
    expect(mappingBetween(fw18, fw24).notes).toEqual([]);
  });

  it('says it is a summary, not Home Office wording', () => {
    expect(fw24.attribution).toMatch(/own summary.*not Home Office wording/s);
    expect(fw24.licence).toMatch(/Open Government Licence v3\.0/);
  });
});

describe('diff from a 2018 assessment to a 2024 one', () => {
  const old = side(fw18, {
    date: '2025-03-12',
    benchmarks: {
      'training-programme': all(fw18, 'training-programme', 'met', { 'completion-monitored': 'partly' }),
      'venue-hire': { rating: 'red' },
      'community-engagement': { rating: 'green' },
      communications: { rating: 'amber' },
      'problem-solving-process': { rating: 'green' },
    },
  });
  const now = side(fw24, {
    date: '2026-03-11',
    benchmarks: {
      'training-programme': all(fw24, 'training-programme', 'met'),
      'reducing-permissive-environments': { rating: 'amber' },
      'communications-and-engagement': { rating: 'amber' },
    },
  });
  const d = diffAssessments(old, now);
  const byId = (id: string) => d.rows.find((r) => (r.benchmark?.id ?? r.from[0]?.id) === id)!;

  it.each([
    // new id, comparison, like-for-like, old ids, before, after, direction
    ['training-programme', 'mapped', true, ['training-programme'], 'Amber', 'Green', 'improved'],
    ['reducing-permissive-environments', 'mapped', true, ['venue-hire'], 'Red', 'Amber', 'improved'],
    ['communications-and-engagement', 'merged', false, ['community-engagement', 'communications'], 'Amber', 'Amber', 'unchanged'],
    ['problem-solving-process', 'unmapped', false, ['problem-solving-process'], 'Green', undefined, 'no longer rated'],
    ['channel-panel', 'mapped', true, ['channel-panel'], 'Not yet rated', 'Not yet rated', 'unchanged'],
  ] as const)('%s: %s', (id, comparison, likeForLike, from, before, after, direction) => {
    const r = byId(id);
    expect(r).toMatchObject({ comparison, likeForLike, direction });
    expect(r.from.map((o) => o.id)).toEqual(from);
    expect(r.before?.label).toBe(before);
    expect(r.after?.label).toBe(after);
  });

  it('explains a mapped move by the answers to the questions both years ask', () => {
    const causes = byId('training-programme').causes.map((c) => c.text);
    expect(causes).toEqual([
      'Framework changed: compared with 7. Training Programme in home-office-2018; all 7 questions were also asked there',
      "Amber → Green: 'Completion is monitored' (essential) is now met (was only partly met)",
    ]);
  });

  it('calls out the merge and the benchmark with no successor', () => {
    expect(byId('communications-and-engagement').causes[0]!.text).toBe(
      'Not like-for-like: merges 9. Community Engagement (Green) and 10. Communications (Amber) from home-office-2018; compared with the lowest, Amber',
    );
    expect(byId('problem-solving-process')).toMatchObject({ benchmark: null, after: null, questions: [] });
    expect(d.rows).toHaveLength(9);
  });

  it('reports how much of the two question sets is shared', () => {
    expect(d.questionSets).toEqual({ shared: 46, old: 61, new: 50 });
    expect(d).toMatchObject({ sameFramework: false, mapping: 'maps_from' });
  });

  it('lists questions only one side asks', () => {
    const old2 = side(fw18, { benchmarks: { 'venue-hire': all(fw18, 'venue-hire', 'met', { 'leased-venues-covered': 'n/a' }) } });
    const now2 = side(fw24, { benchmarks: { 'reducing-permissive-environments': all(fw24, 'reducing-permissive-environments', 'met') } });
    const r = diffAssessments(old2, now2).rows.find((x) => x.benchmark?.id === 'reducing-permissive-environments')!;
    expect(r.questions.map((q) => [q.id, q.change])).toEqual([
      ['funding-due-diligence', 'new question'],
      ['online-spaces-moderated', 'new question'],
      ['leased-venues-covered', 'dropped question'],
    ]);
  });
});

describe('never crashes on an awkward pair of frameworks', () => {
  const renamed = (fw: Framework, patch: Partial<Framework>): Framework => ({ ...fw, ...patch });

  it('reads the older framework backwards when given newest first: a merge becomes a split', () => {
    const d = diffAssessments(side(fw24, { benchmarks: { 'communications-and-engagement': { rating: 'green' } } }), side(fw18, { benchmarks: { communications: { rating: 'amber' } } }));
    expect(d.mapping).toBe('reverse maps_from');
    const comms = d.rows.find((r) => r.benchmark?.id === 'communications')!;
    expect(comms).toMatchObject({ comparison: 'split', likeForLike: false, direction: 'declined' });
    expect(d.rows.find((r) => r.benchmark?.id === 'problem-solving-process')).toMatchObject({ comparison: 'new', before: null });
  });

  it('compares by id when neither framework maps the other, and says so', () => {
    const other = renamed(fw24, { id: 'local-framework', maps_from: undefined });
    const d = diffAssessments(side(fw18, { benchmarks: { 'channel-panel': { rating: 'amber' } } }), side(other, { benchmarks: { 'channel-panel': { rating: 'green' } } }));
    expect(d.mapping).toBe('by id');
    expect(d.notes[0]).toMatch(/neither home-office-2018 nor local-framework declares a mapping/);
    expect(d.rows.find((r) => r.benchmark?.id === 'channel-panel')).toMatchObject({ comparison: 'mapped', direction: 'improved' });
    expect(d.rows.find((r) => r.benchmark?.id === 'partnership-plan')).toMatchObject({ comparison: 'new' });
  });

  it('ignores a mapping that names benchmarks that do not exist, with a note', () => {
    const broken = renamed(fw24, {
      maps_from: { framework: 'home-office-2018', benchmarks: { 'venue-hire': 'no-such-section', 'not-a-2018-id': 'channel-panel', 'channel-panel': 'channel-panel' } },
    });
    const d = diffAssessments(side(fw18), side(broken));
    expect(d.notes).toContain('home-office-2024 maps "venue-hire" to "no-such-section", which is not one of its benchmarks; ignored');
    expect(d.notes).toContain('home-office-2024 maps "not-a-2018-id", which is not a benchmark of home-office-2018; ignored');
    expect(d.notes).toContain('home-office-2024 does not say where "training-programme" went; compared by id');
    expect(d.rows.find((r) => r.from[0]?.id === 'venue-hire')).toMatchObject({ comparison: 'unmapped' });
  });

  it('follows a question renamed in the mapping', () => {
    const moved = renamed(fw24, { maps_from: { ...fw24.maps_from!, questions: { 'out-of-hours': 'feedback-to-referrers' } } });
    const d = diffAssessments(
      side(fw18, { benchmarks: { 'referral-process': { answers: { 'out-of-hours': 'partly' } } } }),
      side(moved, { benchmarks: { 'referral-pathway': { answers: { 'feedback-to-referrers': 'met' } } } }),
    );
    const r = d.rows.find((x) => x.benchmark?.id === 'referral-pathway')!;
    expect(r.questions).toEqual([expect.objectContaining({ id: 'feedback-to-referrers', change: 'changed', from: 'partly', to: 'met' })]);
  });

  it('notes a change of framework version', () => {
    const bumped = renamed(fw18, { version: '1.1.0' });
    expect(diffAssessments(side(fw18), side(bumped)).notes).toEqual(['framework home-office-2018 changed version: 1.0.0 → 1.1.0']);
  });
});
