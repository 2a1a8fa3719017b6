// The bundled thurrock-schools-2020 framework: its rules, per kind of school.
import { describe, expect, it } from 'vitest';
import { rateAssessment, rateBenchmark } from '../src/rating/rate.js';
import { checkFramework } from '../src/model/load-framework.js';
import { buildReport } from '../src/report/model.js';
import { join } from 'node:path';
import { BUNDLED, entry, framework, makeAssessment } from './helpers.js';

const fw = framework('thurrock-schools-2020');
const policy = fw.benchmarks.find((b) => b.id === 'policy-referral-and-risk')!;
const rate = (code: string, kind: string) => rateBenchmark(fw, policy, entry(fw, 'policy-referral-and-risk', code), '2025-03-12', undefined, kind);

it('validates, with the eight items of the strategy in order', () => {
  expect(checkFramework(join(BUNDLED, 'thurrock-schools-2020')).problems).toBeUndefined();
  expect(fw.benchmarks.flatMap((b) => b.questions.map((q) => q.text))).toEqual([
    'A safeguarding lead for the school has attended WRAP training.',
    'The safeguarding lead delivers Prevent awareness training to all staff as part of safeguarding training.',
    'Training is offered to the board of governors.',
    'The safeguarding policy includes Prevent safeguarding objectives.',
    'All concerns are raised as a safeguarding issue through the Multi-Agency Safeguarding Hub (MASH).',
    'Secondary schools have completed a risk assessment.',
    'Where risks are identified, an action plan is in place (mandatory for sixth forms and colleges).',
    'The school documents what it does on British values (recommended).',
  ]);
});

// Policy, referral and risk, in file order: policy-includes-prevent*, concerns-through-mash*,
// risk-assessment* (secondary and up only), action-plan (essential for sixth forms and
// colleges), british-values. * essential.
describe('rules of thurrock-schools-2020 on Policy, referral and risk, per kind', () => {
  it.each([
    // kind        answers   rating     rule                    cited
    ['primary', 'MM_MM', 'green', 'minimum-met', []], // item 6 is not asked of a primary
    ['primary', 'MMNMM', 'green', 'minimum-met', []], // ... and an answer given anyway is not counted
    ['primary', 'MM_NN', 'green', 'minimum-met', ['action-plan', 'british-values']], // neither is essential for a primary
    ['primary', 'MM_PM', 'green', 'minimum-met', ['action-plan']],
    ['primary', 'MN___', 'red', 'minimum-not-met', ['concerns-through-mash']],
    ['primary', 'PM___', 'amber', 'minimum-partly-met', ['policy-includes-prevent', 'action-plan', 'british-values']],
    ['primary', '_M___', 'unrated', 'essential-unanswered', ['policy-includes-prevent']],
    ['special', 'MM_M_', 'green', 'minimum-met', []],
    ['secondary', 'MM_MM', 'unrated', 'essential-unanswered', ['risk-assessment']],
    ['secondary', 'MMMMM', 'green', 'minimum-met', []],
    ['secondary', 'MMNMM', 'red', 'minimum-not-met', ['risk-assessment']],
    ['secondary', 'MMMXN', 'green', 'minimum-met', ['british-values']], // no risks found: the plan is n/a
    ['all-through', 'MMPMM', 'amber', 'minimum-partly-met', ['risk-assessment']],
    ['sixth-form', 'MMMNM', 'red', 'minimum-not-met', ['action-plan']], // mandatory for sixth forms
    ['sixth-form', 'MMM_M', 'unrated', 'essential-unanswered', ['action-plan']],
    ['college', 'MMMPM', 'amber', 'minimum-partly-met', ['action-plan']],
    ['college', 'MMMMN', 'green', 'minimum-met', ['british-values']], // recommended only: never Red
  ])('%s %s → %s (rule %s)', (kind, code, rating, rule, cited) => {
    const r = rate(code, kind);
    expect([r.computed, r.rule]).toEqual([rating, rule]);
    expect(r.cited).toEqual(cited);
  });

  it('counts only the questions a kind is asked', () => {
    expect([rate('MM_MM', 'primary').total, rate('MM_MM', 'primary').answered]).toEqual([4, 4]);
    expect([rate('MM_MM', 'secondary').total, rate('MM_MM', 'secondary').answered]).toEqual([5, 4]);
  });

  it('says why, naming the essential item for a sixth form', () => {
    expect(rate('MMMNM', 'sixth-form').reason).toBe("Red: 'Action plan where risks are found' (essential) is not met");
    expect(rate('MMMNM', 'secondary').reason).toBe("Green: all 3 essential questions are met; 'Action plan where risks are found' is not met");
  });

  it('rates all three training items as the minimum for every kind', () => {
    const training = fw.benchmarks[0]!;
    for (const kind of fw.kinds!.map((k) => k.id)) {
      expect(rateBenchmark(fw, training, entry(fw, 'prevent-training', 'MMP'), '2025-03-12', undefined, kind).computed).toBe('amber');
      expect(rateBenchmark(fw, training, entry(fw, 'prevent-training', 'MMN'), '2025-03-12', undefined, kind).computed).toBe('red');
    }
  });
});

describe('a question outside the return kind in the report', () => {
  it('is listed as not applicable to that kind, and needs no justification', () => {
    const a = makeAssessment(fw, { kind: 'primary', reference: '100001', benchmarks: { 'policy-referral-and-risk': entry(fw, 'policy-referral-and-risk', 'MM_MM') } });
    const m = buildReport(fw, a, rateAssessment(fw, a), { audience: 'board' });
    const risk = m.benchmarks[1]!.answers.find((x) => x.id === 'risk-assessment')!;
    expect([risk.answerLabel, risk.notForKind]).toEqual(['Not applicable to Primary school', true]);
    expect([m.kind, m.reference]).toEqual(['Primary school', '100001']);
    expect(m.benchmarks[1]!.ratingLabel).toBe('Green');
  });

  it('an action plan is essential in the report of a college only', () => {
    const answers = (kind: string) => {
      const a = makeAssessment(fw, { kind, benchmarks: { 'policy-referral-and-risk': entry(fw, 'policy-referral-and-risk', 'MMMMM') } });
      return buildReport(fw, a, rateAssessment(fw, a), { audience: 'board' }).benchmarks[1]!.answers.find((x) => x.id === 'action-plan')!.essential;
    };
    expect([answers('college'), answers('secondary')]).toEqual([true, false]);
  });
});
