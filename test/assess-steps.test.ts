// Where a walk-through stands and what it asks next; what --from carries over.
import { describe, expect, it } from 'vitest';
import { carryForward, LastYear, previousAnswer } from '../src/assess/carry.js';
import { benchmarkStatus, newSkipped, nextStep, progress, progressLine, ratingPending, type Skipped } from '../src/assess/steps.js';
import type { Assessment, BenchmarkEntry } from '../src/model/assessment.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadFramework } from '../src/model/load-framework.js';
import { rateAssessment } from '../src/rating/rate.js';

const fw = loadFramework('benchmarks/home-office-2018').value!;
const ids = fw.benchmarks.map((b) => b.id);

/** An assessment where benchmark i has its first `answered[i]` questions met. */
function makeAssessment(answered: number[], entries: Partial<Record<number, Partial<BenchmarkEntry>>> = {}, signed = false): Assessment {
  const benchmarks: Record<string, BenchmarkEntry> = {};
  fw.benchmarks.forEach((b, i) => {
    const answers = Object.fromEntries(b.questions.slice(0, answered[i] ?? 0).map((q) => [q.id, { answer: 'met', links: [] }]));
    benchmarks[b.id] = { answers, actions: [], ...entries[i] };
  });
  return {
    framework: fw.id, authority: 'Riverside', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL',
    assessors: [], benchmarks, sign_off: signed ? [{ name: 'Chair', role: 'Chair' }] : [],
  };
}

const all = (n: number) => fw.benchmarks.map((b) => b.questions.length).map((q, i) => (i < n ? q : 0));
const skip = (s: Partial<Skipped>): Skipped => ({ ...newSkipped(), ...s });
const green = { rating: 'green' };

describe('nextStep', () => {
  it.each([
    ['a blank file: the first question', makeAssessment([]), newSkipped(), { kind: 'question', benchmark: 0, question: 'ctlp-used' }],
    ['part way through benchmark 2', makeAssessment([6, 2], { 0: green }), newSkipped(), { kind: 'question', benchmark: 1, question: 'senior-leadership' }],
    ['skipped questions are passed over in this session', makeAssessment([6, 2], { 0: green }), skip({ questions: new Set(['multi-agency-partnership-board/senior-leadership']) }), { kind: 'question', benchmark: 1, question: 'safeguarding-board-links' }],
    ['all answered, no agreed rating: the rating', makeAssessment([6]), newSkipped(), { kind: 'rating', benchmark: 0 }],
    ['a rating put off: on to the next benchmark', makeAssessment([6]), skip({ ratings: new Set(['local-risk-assessment']) }), { kind: 'question', benchmark: 1, question: 'terms-of-reference' }],
    ['an agreed rating that differs, with no rationale', makeAssessment([6], { 0: { rating: 'red' } }), newSkipped(), { kind: 'rating', benchmark: 0 }],
    ['an agreed rating that differs, with a rationale', makeAssessment([6], { 0: { rating: 'red', rationale: 'why' } }), newSkipped(), { kind: 'question', benchmark: 1, question: 'terms-of-reference' }],
    ['everything rated: sign-off', makeAssessment(all(10), Object.fromEntries(ids.map((_, i) => [i, green]))), newSkipped(), { kind: 'sign-off' }],
    ['signed off: done', makeAssessment(all(10), Object.fromEntries(ids.map((_, i) => [i, green])), true), newSkipped(), { kind: 'done' }],
  ])('%s', (_name, a, skipped, want) => {
    expect(nextStep(rateAssessment(fw, a), a.sign_off.length > 0, skipped)).toEqual(want);
  });

  it('needs no decision while an essential question is unanswered', () => {
    expect(ratingPending(rateAssessment(fw, makeAssessment([3]))[0]!)).toBe(false);
  });
});

describe('progress', () => {
  it.each([
    ['a blank file', makeAssessment([]), 'Benchmark 1 of 10 · 0 of 61 questions answered · 0 of 10 rated'],
    ['part way', makeAssessment([6, 6, 6, 5], { 0: green, 1: green }), 'Benchmark 4 of 10 · 23 of 61 questions answered · 4 of 10 rated'],
    ['all answered', makeAssessment(all(10), {}, true), 'All 10 benchmarks visited · 61 of 61 questions answered · 10 of 10 rated'],
  ])('%s', (_name, a, want) => {
    const ratings = rateAssessment(fw, a);
    const step = nextStep(ratings, a.sign_off.length > 0, skip({ ratings: new Set(ids) }));
    expect(progressLine(progress(ratings, step))).toBe(want);
  });

  it.each([
    ['unrated', makeAssessment([2]), 'Not yet rated · 2 of 6 answered'],
    ['computed, not yet agreed', makeAssessment([6]), 'Green (to agree) · 6 of 6 answered'],
    ['agreed', makeAssessment([6], { 0: { rating: 'amber', rationale: 'why' } }), 'Amber (agreed) · 6 of 6 answered'],
  ])('benchmark status: %s', (_name, a, want) => {
    expect(benchmarkStatus(fw, rateAssessment(fw, a)[0]!)).toBe(want);
  });
});

describe('carryForward', () => {
  const last = loadAssessment('examples/northbridge-2025.yaml', 'benchmarks').value!.assessment;
  const carried = carryForward(fw, { assessment: last, framework: fw });

  it('carries evidence with its review date, never the answer', () => {
    expect(carried.evidence.find((e) => e.question === 'local-knowledge')).toEqual({
      benchmark: 'local-risk-assessment',
      question: 'local-knowledge',
      evidence: last.benchmarks['local-risk-assessment']!.answers['local-knowledge']!.evidence,
      links: ['restricted/prevent/2023-11-partner-workshop-notes.docx'],
      reviewed: '2023-11-20',
    });
    expect(carried.evidence.every((e) => !('answer' in e))).toBe(true);
  });

  it('carries open actions and drops done ones', () => {
    const open = Object.values(last.benchmarks).flatMap((b) => b.actions).filter((a) => a.status === 'open');
    expect(carried.actions.map((a) => a.action)).toEqual(open);
    expect(open.length).toBeLessThan(Object.values(last.benchmarks).flatMap((b) => b.actions).length);
  });

  it("offers last year's answer as the default", () => {
    expect(previousAnswer(new LastYear(fw, { assessment: last, framework: fw }), 'local-risk-assessment', 'ctlp-used')?.answer).toBe('met');
    expect(previousAnswer(undefined, 'local-risk-assessment', 'ctlp-used')).toBeUndefined();
  });

  describe('from a file on the 2018 toolkit into one on the 2024 toolkit', () => {
    const fw24 = loadFramework('benchmarks/home-office-2024').value!;
    const prev = { assessment: last, framework: fw };
    const across = carryForward(fw24, prev);
    const lastYear = new LastYear(fw24, prev);

    it('finds each question under the benchmark it moved to', () => {
      expect(across.mapping).toBe('maps_from');
      // venue-hire became reducing-permissive-environments; its questions kept their ids.
      expect(across.evidence.find((e) => e.question === 'venue-hire-policy')).toEqual({
        benchmark: 'reducing-permissive-environments',
        question: 'venue-hire-policy',
        evidence: last.benchmarks['venue-hire']!.answers['venue-hire-policy']!.evidence,
        links: last.benchmarks['venue-hire']!.answers['venue-hire-policy']!.links,
        reviewed: last.benchmarks['venue-hire']!.answers['venue-hire-policy']!.reviewed,
      });
      expect(previousAnswer(lastYear, 'reducing-permissive-environments', 'venue-hire-policy')?.answer).toBe(last.benchmarks['venue-hire']!.answers['venue-hire-policy']!.answer);
      // Nothing is asked of a question new in 2024.
      expect(lastYear.answer('reducing-permissive-environments', 'online-spaces-moderated')).toBeUndefined();
    });

    it('carries every 2018 answer with evidence whose question the 2024 toolkit still asks', () => {
      const asked = new Set(fw24.benchmarks.flatMap((b) => b.questions.filter((q) => !q.retired).map((q) => q.id)));
      const dropped = new Set(['problem-solving-process']); // mapped to nothing in 2024
      const expected = Object.entries(last.benchmarks)
        .filter(([b]) => !dropped.has(b))
        .flatMap(([, e]) => Object.entries(e.answers).filter(([q, a]) => asked.has(q) && (a.evidence || a.links.length)).map(([q]) => q));
      expect(across.evidence.map((e) => e.question).sort()).toEqual(expected.sort());
      expect(across.evidence.length).toBeGreaterThan(30);
    });

    it('says what it could not carry: the 2018 benchmark the 2024 toolkit has no place for', () => {
      const psp = last.benchmarks['problem-solving-process']!;
      const withEvidence = Object.values(psp.answers).filter((a) => a.evidence || a.links.length).length;
      expect(withEvidence).toBeGreaterThan(0);
      expect(across.notCarried).toEqual([{ benchmark: 'problem-solving-process', evidence: withEvidence, actions: psp.actions.filter((a) => a.status === 'open').length }]);
      expect(carried.notCarried).toEqual([]); // same framework: everything has its place
    });

    it('gives an open action one place when going back to the 2018 toolkit, where its benchmark was two', () => {
      const y26 = loadAssessment('examples/northbridge-2026.yaml', 'benchmarks').value!;
      const action = { action: 'Publish the Prevent page in Welsh', status: 'open' as const };
      const entry = y26.assessment.benchmarks['communications-and-engagement']!;
      const assessment = { ...y26.assessment, benchmarks: { ...y26.assessment.benchmarks, 'communications-and-engagement': { ...entry, actions: [...entry.actions, action] } } };
      const back = carryForward(fw, { assessment, framework: y26.framework });
      expect(back.mapping).toBe('reverse maps_from');
      expect(back.actions.filter((a) => a.action === action)).toEqual([{ benchmark: 'community-engagement', action }]);
      const open = Object.values(assessment.benchmarks).flatMap((b) => b.actions).filter((a) => a.status === 'open');
      expect(back.actions).toHaveLength(open.length);
    });

    it('takes the open actions of merged benchmarks to the one they became', () => {
      const merged = ['community-engagement', 'communications'].flatMap((b) => last.benchmarks[b]!.actions.filter((a) => a.status === 'open'));
      expect(merged.length).toBeGreaterThan(0);
      expect(across.actions.filter((a) => a.benchmark === 'communications-and-engagement').map((a) => a.action)).toEqual(merged);
      expect(across.actions.every((a) => fw24.benchmarks.some((b) => b.id === a.benchmark))).toBe(true);
    });
  });
});
