// Many edits in one batch (YamlEditor.batch, which `merge` uses) give exactly the text that the
// same edits give one by one, and parse the file once instead of once an edit.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as yaml from 'yaml';
import type { Position } from '../src/model/assessment.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';
import { framework, ROOT } from './helpers.js';

// Counts every parse of YAML text, in the editor and in the loaders alike.
vi.mock('yaml', async (original) => {
  const real = await original<typeof yaml>();
  return { ...real, parseDocument: vi.fn(real.parseDocument) };
});
const parses = () => vi.mocked(yaml.parseDocument).mock.calls.length;

const fw = framework();
const FILES = {
  'hand-edited': readFileSync(join(ROOT, 'test/fixtures/assess/hand-edited.yaml'), 'utf8'),
  example: readFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), 'utf8'),
};
const QUESTIONS = [
  ['venue-hire', 'due-diligence'],
  ['venue-hire', 'venue-hire-policy'], // a flow answer in the hand-edited file
  ['venue-hire', 'external-speakers'], // `external-speakers:` with nothing
  ['training-programme', 'completion-monitored'], // a benchmark with nothing but a comment
  ['channel-panel', 'panel-established'],
  ['channel-panel', 'meets-regularly'],
  ['multi-agency-partnership-board', 'right-membership'],
] as const;
const ORGS = ['Wessex Police', 'NHS Trust', 'Probation'];

type Op = (e: AssessmentEditor, contributors: string[]) => void;
/** An edit that fast-check can print in a counterexample. */
const named = (what: string, args: unknown[], f: Op): Op => Object.assign(f, { toString: () => `${what}(${JSON.stringify(args).slice(1, -1)})` });
const text = fc.constantFrom('short', 'A much longer piece of evidence that goes past the width of the line and is folded when it is written out.', 'two\nlines');
const position = fc.record({ answer: fc.constantFrom('met', 'partly', 'not-met'), evidence: fc.option(text, { nil: undefined }), links: fc.constantFrom([], ['a.pdf'], ['a.pdf', 'b.docx']) }, { requiredKeys: ['answer', 'links'] });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(fc.constantFrom(...QUESTIONS), fc.constantFrom(...ORGS), fc.option(position, { nil: null })).map(([[b, q], org, p]) => named('setPosition', [b, q, org, p], (e) => e.setPosition(b, q, org, p as Position | null))),
  fc.tuple(fc.constantFrom(...QUESTIONS), fc.constantFrom('venue-hire', 'channel-panel', 'training-programme', 'referral-process'), fc.constantFrom('Train hall staff', 'Publish the minutes')).map(([, b, action]) => named('addAction', [b, action], (e) => e.addAction(b, { action, owner: 'Coordinator', status: 'open' }))),
  fc.tuple(fc.constantFrom(...QUESTIONS), fc.constantFrom('met', 'partly'), fc.option(text, { nil: null })).map(([[b, q], answer, evidence]) => named('setAnswer', [b, q, answer, evidence], (e) => e.setAnswer(b, q, { answer, evidence }))),
  fc.tuple(fc.constantFrom('venue-hire', 'channel-panel', 'training-programme'), fc.constantFrom('green', null)).map(([b, rating]) => named('setRating', [b, rating], (e) => e.setRating(b, rating, null))),
  fc.tuple(fc.constantFrom(...ORGS), fc.constantFrom('2025-02-01', '2025-03-01')).map(([organisation, date]) =>
    named('setContributor', [organisation, date], (e, seen) => {
      const index = seen.indexOf(organisation);
      if (index < 0) seen.push(organisation);
      e.setContributor(index, { organisation, role: 'Lead', date });
    }),
  ),
);

function oneByOne(text: string, ops: Op[]): string | undefined {
  const e = new AssessmentEditor(text, fw);
  const seen: string[] = [];
  try {
    for (const o of ops) o(e, seen);
  } catch {
    return undefined; // an edit the editor refuses one by one: not a case for the batch
  }
  return e.toString();
}

function batched(text: string, ops: Op[]): string {
  const e = new AssessmentEditor(text, fw);
  const seen: string[] = [];
  e.batch(() => {
    for (const o of ops) o(e, seen);
  });
  return e.toString();
}

describe('YamlEditor.batch', () => {
  // Fewer runs on the example: made one by one, each edit parses its 450 lines again.
  it.each([['hand-edited', 200], ['example', 40]] as const)('gives the text that the same edits give one by one (%s)', (name, runs) => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const want = oneByOne(FILES[name], ops);
        fc.pre(want !== undefined);
        expect(batched(FILES[name], ops)).toBe(want);
      }),
      { numRuns: Number(process.env.RUNS ?? runs), ...(process.env.SEED && { seed: Number(process.env.SEED), path: process.env.FCPATH }) },
    );
  }, 600_000);

  it('places a key made inside a map before a key added to the map around it', () => {
    // `actions:` goes at the end of the benchmark; the position, made after it, inside the last answer.
    const ops: Op[] = [(e) => e.addAction('channel-panel', { action: 'Publish the minutes', status: 'open' }), (e) => e.setPosition('channel-panel', 'panel-established', 'NHS Trust', { answer: 'met', links: [] })];
    expect(batched(FILES['hand-edited'], ops)).toBe(oneByOne(FILES['hand-edited'], ops));
  });
});

describe('merge parses the partnership file once, not once an edit', async () => {
  const { mergeContributions } = await import('../src/merge/merge.js');
  const { mergedText } = await import('../src/cli/commands/merge.js');
  const { loadAssessment } = await import('../src/model/load-assessment.js');

  it('12 contributions, 200 and more edits: the same text as one by one, in a handful of parses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-batch-'));
    const target = loadAssessment(join(ROOT, 'examples/northbridge-2025.yaml'), join(ROOT, 'benchmarks')).value!;
    const questions = fw.benchmarks.flatMap((b) => b.questions.map((q) => [b.id, q.id] as const));
    const contributions = Array.from({ length: 12 }, (_, i) => {
      const lines = ['framework: home-office-2018', 'authority: Northbridge Borough Council', 'period: 2024/25', 'date: 2025-02-01', `contributor: { organisation: Partner ${i} }`, 'benchmarks:'];
      for (const b of fw.benchmarks) {
        const mine = questions.filter(([x, q], j) => x === b.id && (i + j) % 4 === 0 && q);
        if (!mine.length) continue;
        lines.push(`  ${b.id}:`, '    answers:', ...mine.flatMap(([, q]) => [`      ${q}:`, `        answer: ${i % 3 ? 'met' : 'partly'}`, `        evidence: Partner ${i} on ${q}.`]));
        lines.push('    actions:', `      - { action: Action ${i % 5} for ${b.id}, status: open }`);
      }
      const file = join(dir, `p${i}.yaml`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return { file, assessment: loadAssessment(file, join(ROOT, 'benchmarks')).value!.assessment };
    });
    const r = mergeContributions(fw, target.assessment, contributions);
    expect(r.edits.length).toBeGreaterThan(200);

    const before = parses();
    const text = mergedText(FILES.example, fw, r.edits);
    expect(parses() - before).toBeLessThanOrEqual(5);

    const one = new AssessmentEditor(FILES.example, fw);
    for (const e of r.edits) {
      if (e.kind === 'position') one.setPosition(e.benchmark, e.question, e.organisation, e.position);
      else if (e.kind === 'action') one.addAction(e.benchmark, e.action);
      else if (e.kind === 'action-detail') one.setActionDetail(e.benchmark, e.index, e.field, e.value);
      else one.setContributor(e.index, e.contributor);
    }
    expect(text).toBe(one.toString());
  });
});
