// merge as a pure function (src/merge/merge.ts) and what a question counts as once organisations
// have given positions on it (src/rating/positions.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, Answer, Assessment, Position } from '../src/model/assessment.js';
import { actionKey, mergeContributions, type Contribution } from '../src/merge/merge.js';
import { resolveAnswer } from '../src/rating/positions.js';
import { rateAssessment } from '../src/rating/rate.js';
import { framework, makeAssessment } from './helpers.js';

const fw = framework();
const B = 'multi-agency-partnership-board';
const Q = 'right-membership';
const Q2 = 'terms-of-reference';

type Given = Record<string, Partial<Answer>>;
/** Answers keyed `question` (in benchmark B) or `benchmark/question`. */
function answersOf(given: Given): Assessment['benchmarks'] {
  const out: Assessment['benchmarks'] = {};
  for (const [key, a] of Object.entries(given)) {
    const [b, q] = key.includes('/') ? key.split('/') : [B, key];
    (out[b!] ??= { answers: {}, actions: [] }).answers[q!] = { links: [], ...a };
  }
  return out;
}
const file = (given: Given = {}, actions: Action[] = []) => {
  const a = makeAssessment(fw, { benchmarks: answersOf(given) });
  a.benchmarks[B]!.actions.push(...actions);
  return a;
};
const contribution = (organisation: string, given: Given, actions: Action[] = [], date = '2025-02-01'): Contribution => {
  const a = file(given, actions);
  a.contributor = { organisation, name: `${organisation} lead` };
  a.date = date;
  return { file: `${organisation}.yaml`, assessment: a };
};
const act = (action: string): Action => ({ action, status: 'open' });
const pos = (answer: string, evidence?: string): Position => ({ answer, links: [], ...(evidence && { evidence }) });

const police = contribution('Essex Police', { [Q]: { answer: 'met', evidence: 'police attend' } });
const trust = contribution('NHS Trust', { [Q]: { answer: 'partly', evidence: 'two of six' } });
const policeAgain = contribution('Essex Police', { [Q]: { answer: 'partly', evidence: 'fewer meetings' } });

describe('merge: table', () => {
  const cases: [string, Assessment, Contribution[], { answer?: string; source: string; positions: string[]; status: string[] }][] = [
    ['an answer nobody gave is taken', file(), [police], { answer: 'met', source: 'taken', positions: ['Essex Police'], status: ['new'] }],
    ['two organisations that agree: taken from both', file(), [police, contribution('NHS Trust', { [Q]: { answer: 'met' } })], { answer: 'met', source: 'taken', positions: ['Essex Police', 'NHS Trust'], status: ['new', 'new'] }],
    ['agreeing with the file: the file answer stands, evidence added', file({ [Q]: { answer: 'met', evidence: 'ours' } }), [police], { answer: 'met', source: 'own', positions: ['Essex Police'], status: ['new'] }],
    ['two organisations disagree: unsettled, lowest counts', file(), [police, trust], { answer: 'partly', source: 'unsettled', positions: ['Essex Police', 'NHS Trust'], status: ['new', 'new'] }],
    ['an organisation disagrees with the file: unsettled', file({ [Q]: { answer: 'met' } }), [trust], { answer: 'partly', source: 'unsettled', positions: ['NHS Trust'], status: ['new'] }],
    ['an updated contribution replaces its positions', file(), [police, policeAgain], { answer: 'partly', source: 'taken', positions: ['Essex Police'], status: ['new', 'updated'] }],
    ['evidence without an answer is kept, and decides nothing', file(), [contribution('Probation', { [Q]: { evidence: 'we attend' } })], { answer: undefined, source: 'none', positions: ['Probation'], status: ['new'] }],
  ];
  it.each(cases)('%s', (_name, target, cs, want) => {
    const r = mergeContributions(fw, target, cs);
    const a = r.assessment.benchmarks[B]!.answers[Q];
    const resolved = resolveAnswer(fw, a);
    expect({ answer: resolved.answer, source: resolved.source, positions: Object.keys(a?.positions ?? {}), status: r.contributions.map((c) => c.status) }).toEqual(want);
    expect(r.unsettled.length).toBe(want.source === 'unsettled' ? 1 : 0);
  });

  it('the file keeps its own answer and evidence, word for word', () => {
    const target = file({ [Q]: { answer: 'met', evidence: 'ours, exactly', links: ['a.pdf'], reviewed: '2025-01-01' } });
    const r = mergeContributions(fw, target, [trust]);
    const { positions, ...own } = r.assessment.benchmarks[B]!.answers[Q]!;
    expect(own).toEqual(target.benchmarks[B]!.answers[Q]);
    expect(positions).toEqual({ 'NHS Trust': pos('partly', 'two of six') });
  });

  it('merging the same contribution again changes nothing', () => {
    const once = mergeContributions(fw, file(), [police, trust]);
    const twice = mergeContributions(fw, once.assessment, [police, trust]);
    expect(twice.edits).toEqual([]);
    expect(twice.assessment).toEqual(once.assessment);
    expect(twice.contributions.map((c) => c.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('an updated contribution says what changed, and withdraws what it no longer answers', () => {
    const first = contribution('Essex Police', { [Q]: { answer: 'met', evidence: 'a' }, [Q2]: { answer: 'met' } });
    const once = mergeContributions(fw, file(), [first]).assessment;
    const r = mergeContributions(fw, once, [contribution('Essex Police', { [Q]: { answer: 'partly', evidence: 'a' } })]);
    expect(r.contributions[0]!.positions).toMatchObject([
      { question: Q2, change: 'withdrawn' },
      { question: Q, change: 'changed', fields: [{ field: 'answer', from: 'met', to: 'partly' }] },
    ].sort((x, y) => (x.question < y.question ? 1 : -1)));
    expect(r.assessment.benchmarks[B]!.answers[Q2]!.positions).toBeUndefined();
  });

  it('an action proposed by two organisations is added once, whatever its case and spacing', () => {
    const a = contribution('Essex Police', {}, [act('Publish the attendance record')]);
    const b = contribution('NHS Trust', {}, [act('publish the  attendance record'), act('Name a deputy')]);
    const target = file({}, [act('Review the terms of reference')]);
    const r = mergeContributions(fw, target, [a, b]);
    expect(r.assessment.benchmarks[B]!.actions.map((x) => x.action)).toEqual(['Review the terms of reference', 'Publish the attendance record', 'Name a deputy']);
    expect(r.contributions[1]!.actionsAlreadyThere).toEqual(['publish the  attendance record']);
  });

  it('records each contribution once, by organisation', () => {
    const r = mergeContributions(fw, file(), [police, trust]);
    const again = mergeContributions(fw, r.assessment, [contribution('Essex Police', {}, [], '2025-03-01')]);
    expect(again.assessment.contributors).toEqual([
      { organisation: 'Essex Police', name: 'Essex Police lead', date: '2025-03-01' },
      { organisation: 'NHS Trust', name: 'NHS Trust lead', date: '2025-02-01' },
    ]);
  });

  it('ratings, sign-offs and notes in a contribution are left for the group', () => {
    const c = contribution('Essex Police', {});
    c.assessment.benchmarks[B]!.rating = 'green';
    const r = mergeContributions(fw, file(), [c]);
    expect(r.assessment.benchmarks[B]!.rating).toBeUndefined();
    expect(r.contributions[0]!.leftOut).toEqual([{ what: 'rating', benchmark: B }]);
  });
});

describe('positions in the rating', () => {
  const rate = (a: Assessment) => rateAssessment(fw, a).find((r) => r.benchmark.id === B)!;
  const settled = { answer: 'partly', reason: 'attendance figures', date: '2025-03-12', positions: { 'Essex Police': 'met', 'NHS Trust': 'partly' } };
  const both = { 'Essex Police': pos('met'), 'NHS Trust': pos('partly') };

  it('an unsettled question counts as its lowest position, and the reason names every position', () => {
    const a = mergeContributions(fw, file({ [Q]: { answer: 'met' } }), [police, trust]).assessment;
    const r = rate(a);
    expect(r.reason).toContain("'Right partners are members' is unsettled (Test Council: met, Essex Police: met, NHS Trust: partly met), so it counts as partly met");
    expect(r.questions.find((q) => q.question.id === Q)!.effective).toBe('partly');
    expect(r.cited).toContain(Q);
  });

  const resolveCases: [string, Answer, { answer?: string; source: string }][] = [
    ['no positions: the file answer, as before', { answer: 'met', links: [] }, { answer: 'met', source: 'own' }],
    ['a settlement that covers every position stands', { answer: 'partly', links: [], positions: both, settled }, { answer: 'partly', source: 'settled' }],
    ['a position changed after settling: unsettled again', { answer: 'partly', links: [], positions: { ...both, 'Essex Police': pos('not-met') }, settled }, { answer: 'not-met', source: 'unsettled' }],
    ['the file answer changed after settling: unsettled again', { answer: 'met', links: [], positions: both, settled }, { answer: 'partly', source: 'unsettled' }],
    ['n/a against met: counts as met, the lowest that applies', { links: [], positions: { A: pos('met'), B: { ...pos('n/a'), justification: 'x' } } }, { answer: 'met', source: 'unsettled' }],
  ];
  it.each(resolveCases)('%s', (_n, a, want) => {
    expect(resolveAnswer(fw, a)).toMatchObject(want);
  });

  it('a taken met answer is fresh when any organisation giving it reviewed it lately', () => {
    const a = { links: [], positions: { A: { ...pos('met'), reviewed: '2020-01-01' }, B: { ...pos('met'), reviewed: '2025-01-01' } } };
    expect(resolveAnswer(fw, a).reviewed).toBe('2025-01-01');
  });
});

describe('merge: properties', () => {
  const orgs = ['Essex Police', 'NHS Trust', 'Probation', 'Youth Justice'];
  const questions = [Q, Q2, 'local-risk-assessment/ctlp-used'];
  const answerArb = fc.record(
    { answer: fc.constantFrom('met', 'partly', 'not-met'), evidence: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `e ${s}`) },
    { requiredKeys: [] },
  );
  const actionArb = fc.constantFrom('Publish the record', 'publish the  record', 'Name a deputy', 'Train staff');
  const contributionArb = (org: string) =>
    fc.record({ given: fc.dictionary(fc.constantFrom(...questions), answerArb, { maxKeys: 3 }), actions: fc.array(actionArb, { maxLength: 2 }) }).map(({ given, actions }) =>
      contribution(org, given as Given, actions.map(act)),
    );
  const setArb = fc.uniqueArray(fc.constantFrom(...orgs), { minLength: 1, maxLength: 4 }).chain((os) => fc.tuple(...os.map(contributionArb)));
  const targetArb = fc.dictionary(fc.constantFrom(...questions), answerArb, { maxKeys: 3 }).map((g) => file(g as Given, [act('Train staff')]));

  /** The content, with the order of positions, contributors and added actions left out. */
  const canonical = (a: Assessment, actionWording = false) => {
    const sorted = (o: Record<string, unknown> | undefined) => o && Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));
    const c = structuredClone(a);
    for (const e of Object.values(c.benchmarks)) {
      for (const ans of Object.values(e.answers)) if (ans.positions) ans.positions = sorted(ans.positions) as typeof ans.positions;
      if (actionWording) for (const x of e.actions) x.action = actionKey(x.action);
      e.actions.sort((x, y) => (actionKey(x.action) < actionKey(y.action) ? -1 : 1));
    }
    c.contributors?.sort((x, y) => (x.organisation < y.organisation ? -1 : 1));
    return c;
  };

  it('any order of any set of contributions gives the same content, and loses no evidence', () => {
    fc.assert(
      fc.property(targetArb, setArb, fc.infiniteStream(fc.nat()), (target, set, rand) => {
        const shuffled = [...set].sort(() => (rand.next().value % 3) - 1);
        const a = mergeContributions(fw, target, set).assessment;
        const b = mergeContributions(fw, target, shuffled).assessment;
        expect(canonical(b)).toEqual(canonical(a));
        // Merging again, in either order, changes nothing.
        expect(mergeContributions(fw, a, shuffled).edits).toEqual([]);
        // One at a time, in any order: the same, but for how a shared action is worded (the first merged is kept).
        const oneByOne = shuffled.reduce((acc, c) => mergeContributions(fw, acc, [c]).assessment, target);
        expect(canonical(oneByOne, true)).toEqual(canonical(a, true));
        const all = JSON.stringify(a);
        for (const input of [target, ...set.map((c) => c.assessment)]) {
          for (const e of Object.values(input.benchmarks)) for (const ans of Object.values(e.answers)) if (ans.evidence) expect(all).toContain(JSON.stringify(ans.evidence));
        }
      }),
      { numRuns: 150 },
    );
  });
});
