import { describe, expect, it } from 'vitest';
import { ratingProblems } from '../src/rating/check.js';
import { rateBenchmark } from '../src/rating/rate.js';
import { entry, framework } from './helpers.js';

const fw = framework();
const training = fw.benchmarks.find((b) => b.id === 'training-programme')!;
const rate = (code: string, date = '2025-03-12') => rateBenchmark(fw, training, entry(fw, 'training-programme', code), date);

// Training Programme, in file order: training-needs-assessment*, frontline-staff-trained*,
// staff-know-how-to-refer*, completion-monitored*, elected-members-offered,
// contractors-covered, training-kept-current (* essential).
describe('rules of home-office-2018 on Training Programme', () => {
  it.each([
    ['MMMMMMM', 'green', 'green', []],
    ['MMMMMMP', 'green', 'green', []],
    ['MMMMPXX', 'green', 'green', []], // 4 of 5 met: exactly 80%
    ['MMMMMPP', 'amber', 'amber', ['contractors-covered', 'training-kept-current']], // 5 of 7: 71%
    ['PMMMMMM', 'amber', 'amber', ['training-needs-assessment']],
    ['MMMMNMM', 'amber', 'amber', ['elected-members-offered']],
    ['MMMM___', 'amber', 'amber', ['elected-members-offered', 'contractors-covered', 'training-kept-current']],
    ['NMMMMMM', 'red', 'red', ['training-needs-assessment']],
    ['PPPPNNN', 'amber', 'amber', ['training-needs-assessment', 'frontline-staff-trained', 'staff-know-how-to-refer', 'completion-monitored', 'elected-members-offered', 'contractors-covered', 'training-kept-current']],
    // n/a is left out: 3 of 6 met or partly is exactly half, which is not below half
    ['PPPXNNN', 'amber', 'amber', ['training-needs-assessment', 'frontline-staff-trained', 'staff-know-how-to-refer', 'elected-members-offered', 'contractors-covered', 'training-kept-current']],
    ['MMMMMMX', 'green', 'green', []],
    ['_MMMMMM', 'unrated', 'essential-unanswered', ['training-needs-assessment']],
    ['XXXXXXX', 'unrated', 'no-applicable-questions', []],
    ['SMMMMMM', 'amber', 'amber', ['training-needs-assessment']],
  ])('%s → %s (rule %s)', (code, rating, rule, cited) => {
    const r = rate(code);
    expect([r.computed, r.rule]).toEqual([rating, rule]);
    expect(r.cited).toEqual(cited);
  });

  it('counts an essential answer that is partly met as not enough for green, and says which', () => {
    expect(rate('PMMMNMM').reason).toBe(
      "Amber: 'Training needs assessment' (essential) is only partly met; 'Elected members offered training' is not met",
    );
  });

  it('names the essential question that is not met in a red reason', () => {
    expect(rate('MMMNMMM').reason).toBe("Red: 'Completion is monitored' (essential) is not met");
  });

  it('says how far below half a benchmark is when that makes it red', () => {
    expect(rate('PXXPNNN').reason).toBe('Red: only 2 of 5 applicable questions are met or partly met (40%)');
  });

  it('explains green by the essential questions and the share met', () => {
    expect(rate('MMMMMMP').reason).toBe('Green: all 4 essential questions are met; 6 of 7 applicable questions are met (85%)');
  });

  it('names a question whose stale evidence counts against it among the cited questions', () => {
    expect(rate('MMMMMMS').cited).toEqual(['training-kept-current']);
  });

  it('explains stale evidence and counts it as partly met', () => {
    expect(rate('SMMMMMM').reason).toContain(
      "'Training needs assessment' counts as partly met: its evidence was last reviewed on 2023-01-01, more than 12 months before 2025-03-12",
    );
  });

  it.each([
    ['2024-01-01', 'green'], // reviewed 2023-01-01 is within 12 months + 0 days
    ['2024-01-02', 'amber'],
  ])('evidence reviewed on 2023-01-01 is fresh until 12 months later (assessment %s → %s)', (date, rating) => {
    expect(rate('SMMMMMM', date).computed).toBe(rating);
  });

  it('a benchmark with no applicable questions is unrated with that reason', () => {
    expect(rate('XXXXXXX').reason).toBe('Not yet rated: no applicable questions');
  });
});

describe('agreed ratings', () => {
  const withRating = (code: string, rating: string, rationale?: string) =>
    rateBenchmark(fw, training, entry(fw, 'training-programme', code, { rating, rationale }), '2025-03-12');

  it('an agreed rating with no answers is final, basis agreed, and says no evidence was recorded', () => {
    const r = withRating('', 'green');
    expect([r.final, r.basis, r.computed]).toEqual(['green', 'agreed', 'unrated']);
    expect(r.summary).toBe('Green: agreed by the group; no evidence was recorded');
    expect(ratingProblems(fw, [r])).toEqual([]);
  });

  it('an agreed rating that differs from the computed one needs a rationale', () => {
    const r = withRating('MMMMMPP', 'green');
    expect(ratingProblems(fw, [r])).toEqual([
      {
        path: ['benchmarks', 'training-programme', 'rating'],
        message: 'agreed rating Green differs from the computed Amber: add a rationale saying why',
        says: { key: 'problem.agreedDiffers', params: { agreed: 'Green', computed: 'Amber' } },
      },
    ]);
  });

  it('with a rationale, the final rating is the agreed one and the reason shows both', () => {
    const r = withRating('MMMMMPP', 'green', 'Completion data arrived after the meeting.');
    expect(ratingProblems(fw, [r])).toEqual([]);
    expect(r.final).toBe('green');
    expect(r.summary).toMatch(/^Green: agreed by the group, where the rules give Amber: .*Rationale: Completion data arrived after the meeting\.$/);
  });

  it('an agreed rating equal to the computed one needs no rationale', () => {
    const r = withRating('MMMMMMM', 'green');
    expect(ratingProblems(fw, [r])).toEqual([]);
    expect(r.summary).toMatch(/\(agreed by the group\)$/);
  });
});

describe('no essential question applies: the rules cannot compute Green (or any rating)', () => {
  const NO_ESSENTIAL = 'Not yet rated: no essential question applies, so the rules cannot rate it: the group must agree a rating, with a rationale';

  it.each([
    ['XXXXMMM', 'every essential question n/a, the rest met'],
    ['XXXXMMP', 'every essential question n/a, the rest mostly met'],
    ['XXXXNNN', 'every essential question n/a, the rest not met'],
  ])('%s (%s) is Not yet rated, and the reason says the group must agree a rating', (code) => {
    const r = rate(code);
    expect([r.computed, r.rule, r.final]).toEqual(['unrated', 'no-applicable-essential', 'unrated']);
    expect(r.reason).toBe(NO_ESSENTIAL);
  });

  it('a framework whose benchmark defines no essential question never computes a rating', () => {
    const lax = { ...fw, benchmarks: fw.benchmarks.map((b) => ({ ...b, questions: b.questions.map((q) => ({ ...q, essential: false })) })) };
    const b = lax.benchmarks.find((x) => x.id === 'training-programme')!;
    const r = rateBenchmark(lax, b, entry(lax, 'training-programme', 'MMMMMMM'), '2025-03-12');
    expect([r.computed, r.reason]).toEqual(['unrated', NO_ESSENTIAL]);
  });

  it('all n/a still gives the framework\'s own reason', () => {
    expect(rate('XXXXXXX').rule).toBe('no-applicable-questions');
  });

  it('a rating the group agrees there needs a rationale', () => {
    const agreed = (rationale?: string) => rateBenchmark(fw, training, entry(fw, 'training-programme', 'XXXXMMM', { rating: 'green', rationale }), '2025-03-12');
    expect(ratingProblems(fw, [agreed()])).toEqual([
      {
        path: ['benchmarks', 'training-programme', 'rating'],
        message: 'agreed rating Green where no essential question applies: add a rationale saying why',
        says: { key: 'problem.agreedNoEssential', params: { agreed: 'Green' } },
      },
    ]);
    const r = agreed('Training is commissioned by the county; our own offer is complete.');
    expect(ratingProblems(fw, [r])).toEqual([]);
    expect([r.final, r.basis]).toEqual(['green', 'agreed']);
    expect(r.summary).toMatch(/^Green: agreed by the group, where the rules give Not yet rated: no essential question applies.*Rationale: Training is commissioned/);
  });
});

describe('a rating in memory', () => {
  it('words its reason and summary when first read, once, and has no getter of its own', () => {
    const r = rate('PMMMNMM');
    expect(r.reason).toBe(r.reason);
    expect(r.summary).toMatch(/^Amber/);
    // V8 allocates every object literal with a getter in its long-lived heap: trend over a
    // thousand files then piled up every rating there as garbage (34 MB promoted, not 17).
    // The lazy words live on the prototype, so a rating is an ordinary short-lived object.
    expect(Object.getOwnPropertyDescriptor(r, 'reason')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(r, 'summary')).toBeUndefined();
  });
});
