// Whole `assess` flows, in-process: the prompts are driven through @inquirer/testing and
// the file on disk is checked after each step.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { assessFile } from '../src/cli/assess/run.js';
import type { Io } from '../src/cli/assess/session.js';
import { Cancelled } from '../src/errors.js';
import { blankAssessment } from '../src/model/blank.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadFramework } from '../src/model/load-framework.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';

// Our own text prompt, driven through the same test screen as @inquirer's.
vi.mock('../src/cli/text-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/cli/text-prompt.js')>();
  return { ...actual, textPrompt: wrapPrompt(actual.textPrompt) };
});

const fw = loadFramework('benchmarks/home-office-2018').value!;
let dir: string;
let said: string[];
const io: Io = { say: (t) => void said.push(t), paint: (_id, t) => t, width: 100 };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-assess-'));
  said = [];
  vi.stubEnv('SOURCE_DATE_EPOCH', '1741737600'); // 2025-03-12
  vi.stubEnv('npm_lifecycle_event', '');
});
afterEach(() => vi.unstubAllEnvs());

/**
 * Wait until the prompt asking `message` is the one on screen, still unanswered. When the same
 * prompt comes twice in a row, `after` (text said between them) tells the new one from the old.
 */
async function at(message: string, after?: string): Promise<string> {
  const source = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await vi.waitFor(
    () => {
      if (after) expect(said.join('\n')).toContain(after);
      expect(screen.getScreen()).toMatch(new RegExp(`^\\? ${source}`));
    },
    { timeout: 10_000 },
  );
  return screen.getScreen();
}
const enter = (text = '') => {
  if (text) screen.type(text);
  screen.keypress('enter');
};
/** Move the cursor `n` choices down (up when negative) and choose. */
const down = (n: number) => {
  for (let i = 0; i < Math.abs(n); i++) screen.keypress(n > 0 ? 'down' : 'up');
  screen.keypress('enter');
};
const ctrlC = () => screen.keypress({ name: 'c', ctrl: true });
const load = (file: string) => {
  const r = loadAssessment(file, 'benchmarks');
  if (!r.value) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value.assessment;
};

/** A file with the first `n` questions answered met (and their benchmarks agreed). */
function started(n: number): string {
  const file = join(dir, 'a.yaml');
  const e = new AssessmentEditor(blankAssessment(fw, { authority: 'Riverside', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: fw.id }), fw);
  let left = n;
  for (const b of fw.benchmarks) {
    for (const q of b.questions) if (left-- > 0) e.setAnswer(b.id, q.id, { answer: 'met', evidence: `Evidence for ${q.id}` });
    if (left >= 0) e.setRating(b.id, 'green', null);
  }
  writeFileSync(file, e.toString());
  return file;
}

describe('assess, a new file', () => {
  it('keeps the details typed before a Ctrl-C, and asks the rest when resumed, with those filled in', async () => {
    const file = join(dir, 'stopped.yaml');
    const first = assessFile(file, {}, io);
    await at("Council's name");
    enter('Ynys Môn County Council');
    await at('Period');
    enter('2024/25');
    await at('Date the group agrees');
    ctrlC();
    const err = await first.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Cancelled);
    expect((err as Error).message).toContain(`The details you gave are saved in ${file}`);
    expect((err as Error).message).toContain(`Resume with: dutykit assess ${file}`);
    const kept = loadAssessment(file, 'benchmarks');
    expect(kept.value).toBeUndefined(); // not complete yet: the rest are still to be asked
    expect(kept.problems!.map((p) => p.path)).toEqual(['date', 'marking']);

    said = [];
    const second = assessFile(file, {}, io);
    expect(await at("Council's name")).toContain('Ynys Môn County Council');
    expect(said.join('\n')).toContain('is missing its date and marking');
    enter();
    expect(await at('Period')).toContain('2024/25');
    enter();
    await at('Date the group agrees');
    enter();
    await at('Protective marking');
    enter();
    await at('Assessor taking part');
    enter();
    await at('Answer');
    ctrlC();
    await second.catch(() => undefined);
    expect(load(file)).toMatchObject({ authority: 'Ynys Môn County Council', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL' });
  });

  it('asks the details, saves each answer as it is given, and on Ctrl-C says how to resume', async () => {
    const file = join(dir, 'new.yaml');
    const run = assessFile(file, {}, io);
    await at("Council's name");
    enter('Northbridge Borough Council');
    await at('Period');
    enter('2024/25');
    expect(await at('Date the group agrees')).toContain('2025-03-12');
    enter();
    await at('Protective marking');
    down(1);
    await at('Assessor taking part');
    enter('Priya Raman');
    await at("Priya Raman's role");
    enter('Prevent Coordinator');
    await at('Another assessor');
    enter();

    expect(await at('Answer')).toContain('1. Met');
    expect(said.join('\n')).toContain('Benchmark 1 of 10 · 0 of 61 questions answered');
    expect(said.join('\n')).toContain('Question 1 of 6 (essential): Risk assessment uses the CTLP');
    enter();
    await at('Evidence');
    expect(load(file).benchmarks['local-risk-assessment']!.answers['ctlp-used']!.answer).toBe('met');
    enter('CTLP briefing, November 2024.');
    await at('Evidence, line 2');
    enter('Section 2 lists the findings used.');
    await at('Evidence, line 3');
    enter();
    await at('Links');
    enter('restricted/Minutes, March 2025.docx');
    await at('Links, line 2');
    enter('https://intranet.example/lra?b=1,2');
    await at('Links, line 3');
    enter();
    // No date is put in for the user: today is only named in the prompt.
    expect(await at('Date the evidence was last reviewed')).toContain('today is 2025-03-12');
    enter('2025-03-12');

    await at('Answer', 'Question 2 of 6');
    down(3); // Not applicable
    await at('Why does it not apply?');
    enter();
    await vi.waitFor(() => expect(screen.getScreen()).toContain('Please give an answer'));
    enter('Partners hold no local data this year.');
    await at('Answer', 'Question 3 of 6');
    down(4); // Skip for now
    await at('Answer', 'Question 4 of 6 (essential): Reviewed regularly');
    ctrlC();

    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Cancelled);
    expect((err as Error).message).toContain('2 of 61 questions answered');
    expect((err as Error).message).toContain(`Resume with: dutykit assess ${file}`);
    expect(existsSync(`${file}.lock`)).toBe(false);

    const a = load(file);
    expect(a).toMatchObject({ authority: 'Northbridge Borough Council', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL-SENSITIVE' });
    expect(a.assessors).toEqual([{ name: 'Priya Raman', role: 'Prevent Coordinator' }]);
    expect(a.benchmarks['local-risk-assessment']!.answers).toMatchObject({
      'ctlp-used': {
        answer: 'met',
        evidence: 'CTLP briefing, November 2024.\nSection 2 lists the findings used.',
        links: ['restricted/Minutes, March 2025.docx', 'https://intranet.example/lra?b=1,2'],
        reviewed: '2025-03-12',
      },
      'local-knowledge': { answer: 'n/a', justification: 'Partners hold no local data this year.' },
      'shared-with-partners': { answer: undefined },
    });
  });
});

describe('assess, an existing file', () => {
  it('resumes at the first unanswered question and says how far it is', async () => {
    const file = started(8);
    const run = assessFile(file, {}, io);
    await at('Answer');
    expect(said.join('\n')).toContain(`Resuming ${file}: Riverside · 2024/25`);
    expect(said.join('\n')).toContain('Benchmark 2 of 10 · 8 of 61 questions answered · 1 of 10 rated');
    expect(said.join('\n')).toContain('Question 3 of 6: Senior leadership access');
    ctrlC();
    await expect(run).rejects.toBeInstanceOf(Cancelled);
  });

  it('after the last question shows the computed rating and reason; a different rating needs a rationale; Amber asks for actions', async () => {
    const file = started(5);
    const run = assessFile(file, {}, io);
    await at('Answer');
    down(2); // Not met, on a question that is not essential
    await at('Evidence');
    enter();
    await at('Links');
    enter();
    await at("The group's rating");
    expect(said.join('\n')).toContain("1. Local Risk Assessment: the rules give Amber\n  Amber: 'Sensitive material handled properly' is not met");
    down(1); // Set a different rating
    await at('Agreed rating');
    down(1); // Red (Green, Red offered)
    await at('Rationale: why Red when the rules give Amber?');
    enter();
    await vi.waitFor(() => expect(screen.getScreen()).toContain('Please give an answer'));
    enter('The plan has not been refreshed since 2022.');
    await at('Actions');
    enter(); // Add an action
    await at('Action: what will be done');
    enter('Refresh the plan from the new risk assessment');
    await at('Owner');
    enter('Prevent Coordinator');
    await at('Due by');
    enter('2025-06-30');
    await at('Actions');
    down(2); // Finished with actions
    await at('Answer');
    ctrlC();
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(load(file).benchmarks['local-risk-assessment']).toMatchObject({
      rating: 'red',
      rationale: 'The plan has not been refreshed since 2022.',
      actions: [{ action: 'Refresh the plan from the new risk assessment', owner: 'Prevent Coordinator', due: '2025-06-30', status: 'open' }],
    });
  });

  it('has a menu: summary table, jump to a benchmark to change an answer, save and quit', async () => {
    const file = started(61);
    const run = assessFile(file, {}, io);
    await at('Record the sign-off now?');
    enter('n');
    await at('What next?');
    expect(said.join('\n')).toContain('All 10 benchmarks visited · 61 of 61 questions answered · 10 of 10 rated');
    enter(); // Summary table (the default once everything is answered)
    await vi.waitFor(() => expect(said.join('\n')).toContain('10 Green · 0 Amber · 0 Red · 0 Not yet rated'));
    await at('What next?');
    down(-1); // Jump to a benchmark
    const list = await at('Which benchmark?');
    expect(list).toContain('7. Training Programme — Green (agreed) · 7 of 7 answered');
    enter(); // 1. Local Risk Assessment
    await at('1. Local Risk Assessment');
    down(2); // Q2
    await at('Answer');
    down(1); // Partly met
    await at('Evidence');
    enter();
    await at('Links');
    enter();
    await at('Date the evidence was last reviewed');
    enter();
    // Still Green by the rules: the agreed rating stands; back on the benchmark's page.
    await at('1. Local Risk Assessment');
    expect(load(file).benchmarks['local-risk-assessment']!.answers['local-knowledge']!.answer).toBe('partly');
    down(9); // Back to the menu
    await at('What next?');
    down(3); // Save and quit
    await run;
    expect(said.at(-1)).toContain(`Resume any time with: dutykit assess ${file}`);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('asks for the details a blank from `dutykit init` lacks, rather than refusing it', async () => {
    const file = join(dir, 'blank.yaml');
    writeFileSync(file, blankAssessment(fw, { date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: fw.id }));
    const run = assessFile(file, {}, io);
    await at("Council's name");
    expect(said.join('\n')).toContain('is missing its authority and period');
    enter('Riverside');
    await at('Period');
    enter('2024/25');
    await at('Date');
    enter();
    await at('Protective marking');
    enter();
    await at('Assessor');
    enter();
    await at('Answer');
    ctrlC();
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(load(file)).toMatchObject({ authority: 'Riverside', period: '2024/25' });
  });
});

describe('assess, a signed-off file that changes', () => {
  it('at quit says what rate and report still need (a rationale for a rating left to decide later)', async () => {
    const file = started(61);
    const e = new AssessmentEditor(readFileSync(file, 'utf8'), fw);
    e.addSignOff({ name: 'Cllr Helen Marsh', role: 'Chair of the Prevent Board', date: '2025-03-12' });
    writeFileSync(file, e.toString());
    const run = assessFile(file, {}, io);
    await at('What next?');
    screen.keypress('up');
    await vi.waitFor(() => expect(screen.getScreen()).toMatch(/❯ Jump to a benchmark/));
    screen.keypress('enter');
    await at('Which benchmark?');
    enter();
    await at('1. Local Risk Assessment');
    down(1); // Q1
    await at('Answer');
    down(2); // Not met
    await at('Evidence');
    enter();
    await at('Links');
    enter();
    await at('Date the evidence was last reviewed');
    enter();
    await at("The group's rating");
    down(1); // Decide later
    await at('1. Local Risk Assessment');
    down(20); // Back to the menu
    await at('What next?');
    down(20); // Save and quit
    await run;
    expect(said.join('\n')).toContain(
      `Still needed before \`rate\` and \`report\` accept ${file}:\n  - 1. Local Risk Assessment: agreed rating Green differs from the computed Red: add a rationale saying why`,
    );
  });
});

describe('assess --from last year', () => {
  it('stopped in the opening questions and resumed, still offers last year’s marking and assessors', async () => {
    const file = join(dir, 'stopped-2026.yaml');
    const from = 'examples/northbridge-2025.yaml';
    const first = assessFile(file, { from }, io);
    await at("Council's name");
    enter();
    await at('Period');
    ctrlC();
    expect(((await first.catch((e: unknown) => e)) as Error).message).toContain(`The details you gave are saved in ${file}`);
    // Last year's evidence went in with the details.
    expect(readFileSync(file, 'utf8')).toContain('The local risk assessment was rewritten in November 2024');

    said = [];
    const second = assessFile(file, { from }, io);
    await at("Council's name");
    enter();
    await at('Period');
    enter('2025/26');
    await at('Date');
    enter();
    // A second stop keeps what this run added.
    await at('Protective marking');
    ctrlC();
    expect(((await second.catch((e: unknown) => e)) as Error).message).toContain(`The details you gave are saved in ${file}`);
    expect(parse(readFileSync(file, 'utf8'))).toMatchObject({ authority: 'Northbridge Borough Council', period: '2025/26', date: '2025-03-12' });

    said = [];
    const third = assessFile(file, { from }, io);
    await at("Council's name");
    enter();
    expect(await at('Period')).toContain('2025/26');
    enter();
    await at('Date');
    enter();
    expect(await at('Protective marking')).toMatch(/❯ OFFICIAL-SENSITIVE/);
    enter();
    await at('Assessors: Priya Raman, Gareth Llewelyn, Siân Llŷr. Keep them?');
    enter();
    await at('Answer (last time: Met)');
    // An existing file takes nothing more from --from, and says so rather than ignore it silently.
    expect(said.join('\n')).toContain(`(--from: nothing is carried into ${file}, which already exists; last year's answers are offered as defaults as you go)`);
    ctrlC();
    await third.catch(() => undefined);
    expect(load(file)).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', assessors: load(from).assessors });
  });

  it('keeps an assessor named before a stop at the role question', async () => {
    const file = join(dir, 'named.yaml');
    const run = assessFile(file, {}, io);
    await at("Council's name");
    enter('Gwynedd Council');
    await at('Period');
    enter('2024/25');
    await at('Date');
    enter();
    await at('Protective marking');
    enter();
    await at('Assessor taking part');
    enter('Jo Bloggs');
    await at("Jo Bloggs's role");
    ctrlC();
    await run.catch(() => undefined);
    expect(load(file).assessors).toEqual([{ name: 'Jo Bloggs' }]);
  });

  it('offers last year’s answers, carries evidence with its review date and open actions, drops done ones', async () => {
    const file = join(dir, '2026.yaml');
    const from = 'examples/northbridge-2025.yaml';
    const run = assessFile(file, { from }, io);
    expect(await at("Council's name")).toContain('Northbridge Borough Council');
    enter();
    await at('Period');
    enter('2025/26');
    await at('Date');
    enter();
    await at('Protective marking');
    enter();
    await at('Assessors: Priya Raman, Gareth Llewelyn, Siân Llŷr. Keep them?');
    enter();
    const first = await at('Answer (last time: Met)');
    expect(first).toMatch(/❯ 1\. Met/);
    expect(said.join('\n')).toContain('Evidence recorded:\n  The local risk assessment was rewritten in November 2024');
    ctrlC();
    const err = await run.catch((e: unknown) => e);
    expect((err as Error).message).toContain(`Resume with: dutykit assess ${file} --from ${from}`);

    const a = load(file);
    const last = load(from);
    expect(a.marking).toBe('OFFICIAL-SENSITIVE');
    expect(a.benchmarks['local-risk-assessment']!.answers['local-knowledge']).toMatchObject({
      answer: undefined,
      evidence: last.benchmarks['local-risk-assessment']!.answers['local-knowledge']!.evidence,
      reviewed: '2023-11-20',
      links: ['restricted/prevent/2023-11-partner-workshop-notes.docx'],
    });
    const actions = (x: typeof a) => Object.values(x.benchmarks).flatMap((b) => b.actions);
    expect(actions(a).map((x) => x.action)).toEqual(actions(last).filter((x) => x.status === 'open').map((x) => x.action));
    expect(actions(a).every((x) => x.status === 'open')).toBe(true);
  });
});
