// `dutykit validate <file...>`: every problem in every file, exit 1 if any.
import { statSync } from 'node:fs';
import { CheckFailed, formatProblem, type Problem } from '../../errors.js';
import { checkFramework } from '../../model/load-framework.js';
import { tryOpen } from '../open.js';
import { err, out, type GlobalOptions } from '../output.js';

export type ValidateOptions = GlobalOptions;

interface Result {
  file: string;
  kind: 'assessment' | 'framework';
  valid: boolean;
  summary?: string;
  problems: Problem[];
}

function check(file: string): Result {
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    // A missing file is reported by the loader, with its position.
  }
  if (folder) {
    const fw = checkFramework(file);
    if (!fw.value) return { file, kind: 'framework', valid: false, problems: fw.problems };
    const questions = fw.value.benchmarks.reduce((n, b) => n + b.questions.length, 0);
    return { file, kind: 'framework', valid: true, summary: `${fw.value.id} ${fw.value.version}: ${fw.value.benchmarks.length} benchmarks, ${questions} questions`, problems: [] };
  }
  const r = tryOpen(file);
  if (!r.opened) return { file, kind: 'assessment', valid: false, problems: r.problems };
  const { ratings, assessment } = r.opened;
  const answered = ratings.reduce((n, x) => n + x.answered, 0);
  const total = ratings.reduce((n, x) => n + x.total, 0);
  const rated = ratings.filter((x) => x.final !== 'unrated').length;
  return {
    file,
    kind: 'assessment',
    valid: true,
    summary: `${assessment.authority} ${assessment.period}: ${rated} of ${ratings.length} benchmarks rated, ${answered} of ${total} questions answered`,
    problems: [],
  };
}

export async function runValidate(files: string[], opts: ValidateOptions): Promise<void> {
  const results = files.map(check);
  for (const r of results) for (const p of r.problems) err(formatProblem(p));
  if (opts.json) out(JSON.stringify(results, null, 2));
  else for (const r of results) out(r.valid ? `ok    ${r.file}: ${r.summary}` : `FAIL  ${r.file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
  const bad = results.filter((r) => !r.valid).length;
  if (bad) throw new CheckFailed(`${bad} of ${results.length} file${results.length === 1 ? '' : 's'} failed validation`);
}
