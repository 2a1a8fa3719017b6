// The built binary in a real terminal (tmux): kill -9 at many points, Ctrl-C, the lock,
// and the refusal without a terminal. Run after `npm run build` (npm test does it first).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextStep, newSkipped } from '../src/assess/steps.js';
import type { Assessment } from '../src/model/assessment.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { rateAssessment } from '../src/rating/rate.js';
import { hasTmux, Terminal, type Window } from './helpers/tmux.js';

const BIN = resolve('bin/dutykit.js');
const assess = (file: string) => `SOURCE_DATE_EPOCH=1741737600 node ${BIN} assess ${file}`;
const WORDS = ['met', 'partly', 'not-met'];

let dir: string;
let file: string;

beforeAll(() => {
  if (!existsSync('dist/cli.cjs')) throw new Error('dist/ is missing: run `npm run build` first');
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-e2e-'));
  file = join(dir, 'a.yaml');
  execFileSync('node', [BIN, 'init', file, '--authority', 'Riverside', '--period', '2024/25', '--date', '2025-03-12'], { stdio: 'pipe' });
});

function load() {
  const r = loadAssessment(file, 'benchmarks');
  if (!r.value) throw new Error(`the file does not load: ${r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('; ')}`);
  return r.value;
}

const lockPid = () => Number.parseInt(readFileSync(`${file}.lock`, 'utf8'), 10);

it('refuses at once without a terminal on stdin, naming init and validate (exit 2)', () => {
  const started = Date.now();
  const r = spawnSync('node', [BIN, 'assess', join(dir, 'new.yaml')], { input: '', encoding: 'utf8', timeout: 20_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/stdin is not a terminal/);
  // One rule for every hint and the resume line: dutykit as it was run (here, not yet linked).
  expect(r.stderr).toContain(`\`node ${relative(process.cwd(), BIN)} init <file>\``);
  expect(r.stderr).toContain(`\`node ${relative(process.cwd(), BIN)} validate <file>\``);
  expect(r.stdout).toBe('');
  expect(existsSync(join(dir, 'new.yaml'))).toBe(false);
  expect(Date.now() - started).toBeLessThan(15_000);
});

it('a folder named as the file is refused with a clear message (exit 2), before anything else', () => {
  const r = spawnSync('node', [BIN, 'assess', dir], { input: '', encoding: 'utf8', timeout: 20_000, env: { ...process.env, SOURCE_DATE_EPOCH: '1741737600' } });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(`dutykit: ${dir} is a folder: name an assessment file, e.g. ${join(dir, '2025-03-12-self-assessment.yaml')}\n`);
});

describe.skipIf(!hasTmux)('assess in a real terminal (tmux)', () => {
  let term: Terminal;
  beforeEach(() => void (term = new Terminal(dir)));
  afterEach(() => term.close());

  /** Where the walk-through must be, from the file alone. */
  function expectedStep(a = load()): { step: ReturnType<typeof nextStep>; benchmark?: string; question?: string; label?: string; word?: string } {
    const step = nextStep(rateAssessment(a.framework, a.assessment), a.assessment.sign_off.length > 0, newSkipped());
    if (step.kind !== 'question') return { step };
    const b = a.framework.benchmarks[step.benchmark]!;
    const n = b.questions.findIndex((q) => q.id === step.question);
    const k = a.framework.benchmarks.slice(0, step.benchmark).reduce((x, y) => x + y.questions.length, 0) + n;
    return { step, benchmark: b.id, question: step.question, label: `Question ${n + 1} of ${b.questions.length}`, word: WORDS[k % 3]! };
  }

  it('kill -9 at many points: the file always loads and holds every confirmed answer; assess resumes there', async () => {
    const confirmed = new Map<string, { word: string; evidence?: string }>();
    const points = ['answer-prompt', 'answer-sent', 'evidence-typed', 'evidence-sent', 'links-sent', 'mid-line', 'reviewed-sent', 'answer-sent', 'evidence-sent'];
    let killed: number | undefined;

    /** Take the next step; with `stop`, kill -9 at that point of it instead of finishing. */
    async function step(w: Window, stop?: string): Promise<void> {
      const x = expectedStep();
      if (x.step.kind === 'rating') {
        await w.prompt("The group's rating");
        w.keys('Enter');
        if (stop) return;
        const r = rateAssessment(load().framework, load().assessment);
        if (r.some((b) => b.final === 'amber' || b.final === 'red')) {
          await w.prompt('Actions');
          w.keys('Down', 'Enter');
        }
        return;
      }
      if (x.step.kind !== 'question') throw new Error(`unexpected step ${x.step.kind}`);
      const { benchmark, question, label, word } = x as Required<typeof x>;
      const key = `${benchmark}/${question}`;
      await w.prompt('Answer', label);
      if (stop === 'answer-prompt') return;
      w.keys(String(WORDS.indexOf(word) + 1));
      w.keys('Enter');
      if (stop === 'answer-sent') return;
      await w.prompt('Evidence');
      confirmed.set(key, { word });
      if (stop === 'mid-line') return void w.type('Half a line of evid');
      w.type(`Evidence for ${question}`);
      w.keys('Enter');
      if (stop === 'evidence-typed') return;
      await w.prompt('Evidence, line 2');
      w.keys('Enter');
      if (stop === 'evidence-sent') return;
      await w.prompt('Links');
      confirmed.set(key, { word, evidence: `Evidence for ${question}` });
      w.keys('Enter');
      if (stop === 'links-sent') return;
      await w.prompt('Date the evidence was last reviewed');
      w.keys('Enter');
    }

    function check(a: Assessment): void {
      for (const [key, want] of confirmed) {
        const [b, q] = key.split('/') as [string, string];
        expect(a.benchmarks[b]!.answers[q], key).toMatchObject({ answer: want.word, ...(want.evidence ? { evidence: want.evidence } : {}) });
      }
      // Whatever else reached the file is exactly what was sent, never a torn value.
      for (const [b, entry] of Object.entries(a.benchmarks)) {
        for (const [q, ans] of Object.entries(entry.answers)) {
          if (ans.evidence) expect(ans.evidence, `${b}/${q}`).toBe(`Evidence for ${q}`);
          expect(ans.reviewed, `${b}/${q}`).toBeUndefined(); // Enter at the date prompt records none
        }
      }
    }

    for (const point of points) {
      const resumeAt = expectedStep();
      const w = term.run(assess(file));
      await (resumeAt.label ? w.prompt('Answer', resumeAt.label) : w.prompt("The group's rating"));
      if (killed) expect(w.text()).toContain(`(pid ${killed}) is no longer running`);
      await step(w);
      await step(w, point);
      killed = lockPid();
      process.kill(killed, 'SIGKILL');
      expect(await w.exitCode()).toBe(137);
      check(load().assessment);
    }
    expect(confirmed.size).toBeGreaterThanOrEqual(points.length);
    // The walk went past the first benchmark's rating step on the way.
    expect(load().assessment.benchmarks['local-risk-assessment']!.rating).toMatch(/^(green|amber|red)$/);
  }, 240_000);

  it('Ctrl-C saves, prints the exact command that resumes, exits 130; that command resumes there', async () => {
    const w = term.run(assess(file));
    await w.prompt('Answer', 'Question 1 of 6');
    w.keys('1', 'Enter');
    await w.prompt('Evidence');
    w.type('CTLP briefing notes');
    w.keys('Enter');
    await w.prompt('Evidence, line 2');
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
    const text = w.text();
    expect(text).toContain(`Every confirmed answer is saved in ${file} (1 of 61 questions answered`);
    const resume = /^Resume with: (.*)$/m.exec(text)![1]!;
    expect(resume).toBe(`node ${relative(dir, BIN)} assess ${file}`);
    expect(existsSync(`${file}.lock`)).toBe(false);
    const saved = load().assessment.benchmarks['local-risk-assessment']!.answers['ctlp-used']!;
    expect([saved.answer, saved.evidence]).toEqual(['met', 'CTLP briefing notes']); // the confirmed line survives Ctrl-C

    const again = term.run(`SOURCE_DATE_EPOCH=1741737600 ${resume}`);
    // There: at the evidence line it stopped at, not the next question (its links and date are still to ask).
    await again.prompt('Evidence, line 2', 'Carrying on where you stopped');
    expect(again.text()).toContain('Benchmark 1 of 10 · 1 of 61 questions answered');
    again.keys('C-c');
    expect(await again.exitCode()).toBe(130);
  }, 120_000);

  it('refuses a second session on the same file, naming the first one’s pid (exit 2)', async () => {
    const first = term.run(assess(file));
    await first.prompt('Answer');
    const pid = lockPid();
    const second = term.run(assess(file));
    expect(await second.exitCode()).toBe(2);
    expect(second.text()).toContain(`is open in another dutykit assess (pid ${pid})`);
    expect(lockPid()).toBe(pid);
    first.keys('C-c');
    expect(await first.exitCode()).toBe(130);
  }, 120_000);

  it('takes over a stale lock left by a process that has gone, with a notice', async () => {
    // Above Linux's largest possible pid (2^22), so no process can have it, now or later;
    // the pid of a process that just ended could be handed to the next one, even ours.
    const gone = 4_194_400;
    writeFileSync(`${file}.lock`, `${gone}\n`);
    const w = term.run(assess(file));
    await w.prompt('Answer');
    expect(w.text()).toContain(`Took over ${file}.lock: the session that left it (pid ${gone}) is no longer running.`);
    expect(lockPid()).not.toBe(gone);
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
  }, 120_000);

  it.each([
    ['--no-color', `${assess('a.yaml')} --no-color`, false],
    ['NO_COLOR', `NO_COLOR=1 ${assess('a.yaml')}`, false],
    ['neither', assess('a.yaml'), true],
  ])('colour in the prompts follows the command (%s)', async (_, command, coloured) => {
    const w = term.run(command);
    await w.prompt('Answer', 'Question 1 of 6');
    const prompt = w.styled().split('\n').find((l) => l.includes('Answer'))!;
    expect(prompt.includes('\x1b['), prompt).toBe(coloured);
    w.keys('C-c');
    expect(await w.exitCode()).toBe(130);
  }, 60_000);
});
