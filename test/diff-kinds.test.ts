// Diff between two returns of one body: the rules are compared as the body's kind is asked
// them. A question outside its kind is neither a rule change nor a question change.
import { describe, expect, it } from 'vitest';
import { diffAssessments } from '../src/diff/diff.js';
import { mappingBetween } from '../src/diff/mapping.js';
import { ruleChanges } from '../src/diff/rules.js';
import type { RatedSide } from '../src/diff/types.js';
import type { Framework } from '../src/model/framework-schema.js';
import { rateAssessment } from '../src/rating/rate.js';
import { all, framework, makeAssessment, type EntrySpec } from './diff-helpers.js';

const schools = framework('thurrock-schools-2020');
const PT = 'prevent-training';
const PR = 'policy-referral-and-risk';
/** The bundled framework with one question of policy-referral-and-risk changed. */
const withQuestion = (id: string, change: object, over: Partial<Framework> = {}): Framework => ({
  ...schools,
  ...over,
  benchmarks: schools.benchmarks.map((b) => (b.id === PR ? { ...b, questions: b.questions.map((q) => (q.id === id ? { ...q, ...change } : q)) } : b)),
});

function ret(fw: Framework, kind: string, benchmarks: Record<string, EntrySpec>, date = '2025-03-12'): RatedSide {
  const assessment = { ...makeAssessment(fw, { authority: 'Castle Hill School', date, benchmarks }), kind };
  return { assessment, framework: fw, ratings: rateAssessment(fw, assessment) };
}

/** Every item a primary school is asked, met (risk-assessment is for secondary schools and up). */
const primaryMet = { [PT]: all(schools, PT, 'met'), [PR]: all(schools, PR, 'met', { 'risk-assessment': {} }) };

describe('rule changes, as a kind of body is asked the questions', () => {
  const riskNotEssential = withQuestion('risk-assessment', { essential: false });
  it('an essential flag changed on a question a primary school is not asked is no change for it', () => {
    const m = mappingBetween(schools, riskNotEssential);
    expect(ruleChanges(schools, riskNotEssential, m, undefined, { old: 'primary', new: 'primary' })).toEqual([]);
    expect(ruleChanges(schools, riskNotEssential, m, undefined, { old: 'secondary', new: 'secondary' })).toEqual(["'Risk assessment completed' (Policy, referral and risk) is no longer essential"]);
    // Without kinds (an assessment, not a return) every question counts, as before.
    expect(ruleChanges(schools, riskNotEssential, m)).toEqual(["'Risk assessment completed' (Policy, referral and risk) is no longer essential"]);
  });

  it('a question made essential for another kind (essential_for) is a rule change for that kind only', () => {
    const planForSecondary = withQuestion('action-plan', { essential_for: ['secondary', 'sixth-form', 'college'] });
    const m = mappingBetween(schools, planForSecondary);
    expect(ruleChanges(schools, planForSecondary, m, undefined, { old: 'secondary', new: 'secondary' })).toEqual(["'Action plan where risks are found' (Policy, referral and risk) is now essential"]);
    expect(ruleChanges(schools, planForSecondary, m, undefined, { old: 'primary', new: 'primary' })).toEqual([]);
  });

  it('a diff of two primary returns under changed rules gives no cause for the question it is not asked', () => {
    // Evidence stays fresh longer: a change of rules, none of which touches the answers here.
    const longer = { ...schools, evidence_valid_months: 24 };
    const d = diffAssessments(ret(schools, 'primary', primaryMet, '2024-03-12'), ret(longer, 'primary', primaryMet));
    const row = d.rows.find((r) => r.benchmark?.id === PR)!;
    expect(row.direction).toBe('unchanged');
    // The old rules, given the questions a primary school is asked, rate it Green too.
    expect(row.causes.filter((c) => c.kind === 'rules')).toEqual([]);
  });

  it('the essential_for change moves a secondary school from Green to Amber, and the cause says so', () => {
    const planForSecondary = withQuestion('action-plan', { essential_for: ['secondary', 'sixth-form', 'college'] });
    const answers = { [PT]: all(schools, PT, 'met'), [PR]: all(schools, PR, 'met', { 'action-plan': 'partly' }) };
    const d = diffAssessments(ret(schools, 'secondary', answers, '2024-03-12'), ret(planForSecondary, 'secondary', answers));
    const row = d.rows.find((r) => r.benchmark?.id === PR)!;
    expect([row.before?.rating, row.after?.rating]).toEqual(['green', 'amber']);
    expect(row.causes.find((c) => c.kind === 'rules')?.text).toBe(
      "The framework's rules changed: 'Action plan where risks are found' (Policy, referral and risk) is now essential; the old rules give Green, the new ones Amber",
    );
  });
});

describe('question changes, as a kind of body is asked the questions', () => {
  it('an answer kept to a question outside the kind is not listed as changed', () => {
    const was = { ...primaryMet, [PR]: all(schools, PR, 'met', { 'risk-assessment': 'not-met', 'british-values': 'partly' }) };
    const now = { ...primaryMet, [PR]: all(schools, PR, 'met', { 'risk-assessment': 'met' }) };
    const d = diffAssessments(ret(schools, 'primary', was, '2024-03-12'), ret(schools, 'primary', now));
    const row = d.rows.find((r) => r.benchmark?.id === PR)!;
    expect(row.questions.map((q) => q.id)).toEqual(['british-values']);
  });
});
