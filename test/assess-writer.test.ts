// The assessment writer changes only what it is asked to: every other line of a hand-edited
// file (comments, key order, folding, quoting) stays exactly as it was.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../src/model/load-framework.js';
import { checkAssessment, loadAssessment } from '../src/model/load-assessment.js';
import { parseSource } from '../src/model/source.js';
import { AssessmentEditor, saveAssessment, type AnswerEdit } from '../src/model/write-assessment.js';
import { YamlEditor } from '../src/model/yaml-edit.js';

const fw = loadFramework('benchmarks/home-office-2018').value!;
const fixture = readFileSync('test/fixtures/assess/hand-edited.yaml', 'utf8');

/** The one block of lines that changed: what went and what came, by common prefix and suffix. */
function hunk(before: string, after: string): { at: number; removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { at: start + 1, removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

function load(text: string) {
  const src = parseSource('t.yaml', Buffer.from(text));
  const r = checkAssessment(src.source!, fw);
  if (!r.value) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`).join('\n'));
  return r.value.assessment;
}

type Case = [name: string, edit: (e: AssessmentEditor) => void, removed: string[], added: string[]];

const cases: Case[] = [
  ['an answer word, keeping its comment', (e) => e.setAnswer('venue-hire', 'due-diligence', { answer: 'not-met' }),
    ['        answer: Partly   # the old form is still in use at two halls'],
    ['        answer: not-met   # the old form is still in use at two halls']],
  ['a folded evidence block, replaced by one line', (e) => e.setAnswer('venue-hire', 'due-diligence', { evidence: 'New form in use everywhere.' }),
    ['        evidence: >-', '          Bookings at the civic centre are checked against the due diligence form; the two',
      '          community halls still use the 2019 form, which asks nothing about speakers.'],
    ['        evidence: New form in use everywhere.']],
  ['an empty question, filled in', (e) => e.setAnswer('venue-hire', 'external-speakers', { answer: 'met', evidence: 'Speaker checks since May.', reviewed: '2026-02-01' }),
    [],
    ['        answer: met', '        evidence: Speaker checks since May.', '        reviewed: 2026-02-01']],
  ['a flow-style answer, on its own line', (e) => e.setAnswer('venue-hire', 'venue-hire-policy', { reviewed: '2026-01-15' }),
    ['      venue-hire-policy: { answer: Met, evidence: Policy agreed by Cabinet in 2024 }'],
    ['      venue-hire-policy: { answer: Met, evidence: Policy agreed by Cabinet in 2024, reviewed: 2026-01-15 }']],
  ['an empty benchmark, with its comment', (e) => e.setAnswer('training-programme', 'completion-monitored', { answer: 'partly' }),
    ['  training-programme:   # not started yet'],
    ['  training-programme: # not started yet', '    answers:', '      completion-monitored:', '        answer: partly']],
  ['a missing question, in question order', (e) => e.setAnswer('channel-panel', 'meets-regularly', { answer: 'n/a', justification: 'No cases this year.' }),
    [],
    ['      meets-regularly:', '        answer: n/a', '        justification: No cases this year.']],
  ['an agreed rating, lower-case, rationale removed', (e) => e.setRating('venue-hire', 'Green', null),
    ['    rating: Amber', "    rationale: The halls' form is being replaced in April."],
    ['    rating: green']],
  ['an action, added to the list', (e) => e.addAction('venue-hire', { action: 'Train hall staff', owner: 'HR', due: '2026-06-30', status: 'open' }),
    [],
    ['      - action: Train hall staff', '        owner: HR', '        due: 2026-06-30', '        status: open']],
  ['an action marked done', (e) => e.setActionStatus('venue-hire', 0, 'done'),
    ['      - { action: Replace the 2019 booking form at the community halls, owner: Facilities, due: 2026-04-30, status: open }'],
    ['      - { action: Replace the 2019 booking form at the community halls, owner: Facilities, due: 2026-04-30, status: done }']],
  ['a sign-off, into an empty list', (e) => e.addSignOff({ name: 'Carol Hinvest', role: 'Chair', date: '2026-03-10' }),
    ['sign_off: []'],
    ['sign_off:', '  - name: Carol Hinvest', '    role: Chair', '    date: 2026-03-10']],
  ['a detail, keeping its comment', (e) => e.setDetails({ authority: 'Riverside Council' }),
    ['authority: Riverside District Council   # as on the letterhead'],
    ['authority: Riverside Council   # as on the letterhead']],
];

describe('AssessmentEditor on a hand-edited file', () => {
  it.each(cases)('%s', (_name, edit, removed, added) => {
    const e = new AssessmentEditor(fixture, fw);
    edit(e);
    const out = e.toString();
    expect(hunk(fixture, out)).toMatchObject({ removed, added });
    load(out);
  });

  it('keeps every comment and the order of keys through a whole session of changes', () => {
    const e = new AssessmentEditor(fixture, fw);
    for (const [, edit] of cases) edit(e);
    const out = e.toString();
    const comments = (t: string) => t.split('\n').map((l) => /#\s.*$/.exec(l)?.[0]).filter(Boolean);
    expect(comments(out)).toEqual(comments(fixture));
    const keys = (t: string) => t.split('\n').filter((l) => /^\S[^:]*:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys(out)).toEqual(keys(fixture));
    const a = load(out);
    expect(a.benchmarks['venue-hire']!.answers['due-diligence']!.answer).toBe('not-met');
    expect(a.benchmarks['channel-panel']!.answers['meets-regularly']!.justification).toBe('No cases this year.');
    expect(a.benchmarks['venue-hire']!.actions.map((x) => x.status)).toEqual(['done', 'open']);
    expect(a.sign_off).toEqual([{ name: 'Carol Hinvest', role: 'Chair', date: '2026-03-10' }]);
  });

  it('writes multi-line evidence as a literal block and long evidence folded, both read back exactly', () => {
    const e = new AssessmentEditor(fixture, fw);
    const lines = 'Minutes of 3 March.\nTraining log, tab 2.';
    const long = 'The due diligence form now asks about speakers, their organisations and any previous events, and every hall uses it. '.repeat(2).trim();
    e.setAnswer('venue-hire', 'due-diligence', { evidence: lines });
    e.setAnswer('channel-panel', 'panel-established', { evidence: long });
    const out = e.toString();
    expect(out).toContain('        evidence: |-\n          Minutes of 3 March.\n          Training log, tab 2.\n');
    expect(out).toMatch(/ {8}evidence: >-\n {10}The due diligence/);
    const a = load(out);
    expect(a.benchmarks['venue-hire']!.answers['due-diligence']!.evidence).toBe(lines);
    expect(a.benchmarks['channel-panel']!.answers['panel-established']!.evidence).toBe(long);
  });

  it('moves a comment after a one-line value up to the header of the block that replaces it', () => {
    const e = new AssessmentEditor(fixture, fw);
    e.setAnswer('venue-hire', 'due-diligence', { answer: 'met' });
    e.setDetails({ authority: 'Riverside\nDistrict Council' });
    expect(e.toString()).toContain('authority: |-   # as on the letterhead\n  Riverside\n  District Council\n');
  });

  it('keeps CRLF line ends', () => {
    const crlf = fixture.replace(/\n/g, '\r\n');
    const e = new AssessmentEditor(crlf, fw);
    e.setAnswer('venue-hire', 'external-speakers', { answer: 'met', evidence: 'a\nb' });
    expect(e.toString().replace(/\r\n/g, '')).not.toContain('\n');
    expect(load(e.toString()).benchmarks['venue-hire']!.answers['external-speakers']!.evidence).toBe('a\nb');
  });
});

describe('saving a file saved on Windows', () => {
  it('keeps its byte-order mark and CRLF line ends', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-bom-')), 'w.yaml');
    const crlf = fixture.replace(/\n/g, '\r\n');
    writeFileSync(file, `\uFEFF${crlf}`);
    const e = new AssessmentEditor(crlf, fw);
    e.setAnswer('venue-hire', 'external-speakers', { answer: 'met' });
    saveAssessment(file, e.toString(), fw);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(e.toString());
  });

  // As assess saves it: the evidence after each line typed, so a one-line value becomes a block
  // (the attack found `line B\n` there, a bare LF among the file's CRLF lines).
  it('writes every line with CRLF through an answer given line by line, and keeps the BOM', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-bom-')), 'w.yaml');
    const crlf = fixture.replace(/\n/g, '\r\n');
    writeFileSync(file, `\uFEFF${crlf}`);
    const e = new AssessmentEditor(crlf, fw);
    const steps: AnswerEdit[] = [{ answer: 'met' }, { evidence: 'line A' }, { evidence: 'line A\nline B' }, { links: ['a.pdf', 'b.pdf'] }, { reviewed: '2025-03-01' }];
    for (const [benchmark, question] of [['venue-hire', 'external-speakers'], ['venue-hire', 'due-diligence'], ['training-programme', 'completion-monitored']] as const) {
      for (const step of steps) {
        e.setAnswer(benchmark, question, step);
        saveAssessment(file, e.toString(), fw);
        const bytes = readFileSync(file);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const bare = bytes.toString('utf8').split('\r\n').flatMap((l, i) => (l.includes('\n') ? [`line ${i + 1}: ${JSON.stringify(l)}`] : []));
        expect(bare, `${question} ${JSON.stringify(step)}`).toEqual([]);
      }
    }
    expect(load(e.toString()).benchmarks['venue-hire']!.answers['external-speakers']).toMatchObject({ evidence: 'line A\nline B', links: ['a.pdf', 'b.pdf'], reviewed: '2025-03-01' });
  });
});

describe('a file another program saved meanwhile', () => {
  it('is not overwritten: the save refuses and says what to do', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutykit-race-')), 'r.yaml');
    writeFileSync(file, fixture);
    const read = readFileSync(file);
    const theirs = fixture.replace('Riverside', 'Riverside (edited elsewhere)');
    writeFileSync(file, theirs);
    const e = new AssessmentEditor(fixture, fw);
    e.setAnswer('venue-hire', 'external-speakers', { answer: 'met' });
    expect(() => saveAssessment(file, e.toString(), fw, read)).toThrow(/another program changed it after it was read.*Open the file again/);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});

describe('YamlEditor', () => {
  it('deletes a key with its value and nothing else', () => {
    const y = new YamlEditor('a: 1\nb: >-\n  two\n  lines\nc: 3 # keep\n');
    y.set(['b'], undefined);
    expect(y.toString()).toBe('a: 1\nc: 3 # keep\n');
  });

  it('follows the indentation the file already uses', () => {
    const y = new YamlEditor('top:\n    x: 1\n');
    y.set(['top', 'y', 'z'], 'deep');
    expect(y.toString()).toBe('top:\n    x: 1\n    y:\n        z: deep\n');
  });

  it("keeps a comment on a key's own line when its value is written again (merge replacing a position)", () => {
    const y = new YamlEditor('positions:\n  Wessex Police:   # phoned 3 March\n    answer: met\n  Other: { answer: met }\n');
    y.set(['positions', 'Wessex Police'], { answer: 'partly', evidence: 'x' });
    expect(y.toString()).toBe('positions:\n  Wessex Police: # phoned 3 March\n    answer: partly\n    evidence: x\n  Other: { answer: met }\n');
    // The same in a batch, as merge makes it.
    const b = new YamlEditor('positions:\n  Wessex Police:   # phoned 3 March\n    answer: met\n  Other: { answer: met }\n');
    b.batch(() => b.set(['positions', 'Wessex Police'], { answer: 'partly', evidence: 'x' }));
    expect(b.toString()).toBe(y.toString());
  });
});

describe('saveAssessment', () => {
  it('writes a file that loadAssessment accepts, and refuses to write one it would not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-writer-'));
    const file = join(dir, 'a.yaml');
    const e = new AssessmentEditor(fixture, fw);
    e.setAnswer('venue-hire', 'external-speakers', { answer: 'met' });
    saveAssessment(file, e.toString(), fw);
    expect(loadAssessment(file, 'benchmarks').value?.assessment.benchmarks['venue-hire']!.answers['external-speakers']!.answer).toBe('met');
    e.setAnswer('venue-hire', 'external-speakers', { answer: 'n/a' });
    expect(() => saveAssessment(file, e.toString(), fw)).toThrow(/justification/);
    expect(readFileSync(file, 'utf8')).toContain('external-speakers:\n        answer: met');
  });
});
