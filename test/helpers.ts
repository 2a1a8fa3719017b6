// Small factories for tests: the bundled framework, assessments built in a line.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer, Assessment, BenchmarkEntry } from '../src/model/assessment.js';
import type { Framework } from '../src/model/framework-schema.js';
import { loadFramework } from '../src/model/load-framework.js';

export const ROOT = join(import.meta.dirname, '..');
export const BUNDLED = join(ROOT, 'benchmarks');
export const BIN = join(ROOT, 'bin', 'dutykit.js');

/** A copy of the Northbridge example in a new folder (to merge into), and `write` for files beside it. */
export function exampleCopy(prefix: string): { target: string; write: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const target = join(dir, 'northbridge-2025.yaml');
  cpSync(join(ROOT, 'examples/northbridge-2025.yaml'), target);
  const write = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  return { target, write };
}

export function framework(id = 'home-office-2018'): Framework {
  const fw = loadFramework(join(BUNDLED, id));
  if (!fw.value) throw new Error(fw.problems.map((p) => p.message).join('\n'));
  return fw.value;
}

const CODES: Record<string, string | undefined> = { M: 'met', P: 'partly', N: 'not-met', X: 'n/a', _: undefined, S: 'met' };

/**
 * One benchmark's answers from a string, one letter per question in framework order:
 * M met, P partly, N not met, X n/a, _ unanswered, S met with evidence reviewed long ago.
 */
export function entry(fw: Framework, benchmark: string, code: string, extra: Partial<BenchmarkEntry> = {}): BenchmarkEntry {
  const b = fw.benchmarks.find((x) => x.id === benchmark)!;
  const answers: Record<string, Answer> = {};
  b.questions.forEach((q, i) => {
    const c = code[i] ?? '_';
    if (c === '_') return;
    answers[q.id] = {
      answer: CODES[c],
      links: [],
      evidence: `evidence for ${q.id}`,
      reviewed: c === 'S' ? '2023-01-01' : undefined,
      justification: c === 'X' ? 'not relevant here' : undefined,
    };
  });
  return { answers, actions: [], ...extra };
}

export function makeAssessment(fw: Framework, over: Partial<Assessment> = {}): Assessment {
  const benchmarks = Object.fromEntries(fw.benchmarks.map((b) => [b.id, { answers: {}, actions: [] }]));
  return {
    framework: fw.id,
    authority: 'Test Council',
    period: '2024/25',
    date: '2025-03-12',
    marking: 'OFFICIAL',
    assessors: [],
    sign_off: [],
    ...over,
    benchmarks: { ...benchmarks, ...over.benchmarks },
  };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built binary as a user would. */
export function dutykit(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
