// `dutykit validate <file...>`: every problem in every file, exit 1 if any.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attempt } from '../../attempt.js';
import { CheckFailed, formatProblem, problemCount, type Problem } from '../../errors.js';
import { blankTooLarge } from '../../model/blank-fits.js';
import { checkFramework } from '../../model/load-framework.js';
import { translationProblems } from '../../model/load-translation.js';
import { LANGS } from '../../i18n/catalogue.js';
import { inTurn } from '../in-turn.js';
import { tryOpen } from '../open.js';
import { unsettledWarnings } from '../../merge/warnings.js';
import { exact, message, plainLine, term, visible } from '../../outside.js';
import { err, outJson, outLines, type GlobalOptions } from '../output.js';

export type ValidateOptions = GlobalOptions;

interface Result {
  file: string;
  kind: 'assessment' | 'framework';
  valid: boolean;
  summary?: string;
  problems: Problem[];
}

function check(file: string): Result {
  // A missing file is reported by the loader, with its position.
  const folder = attempt(() => statSync(file).isDirectory()) === true;
  if (folder && !existsSync(join(file, 'framework.yaml'))) {
    // A folder of assessments, most likely: say what validate takes, not "framework.yaml: no such file".
    const message = `a folder with no framework.yaml, so not a framework folder; to check the assessments in it, name them: dutykit validate ${visible(join(file, '*.yaml'))}`;
    return { file, kind: 'framework', valid: false, problems: [{ file, line: 1, col: 1, path: '', message }] };
  }
  if (folder) {
    const fw = checkFramework(file);
    if (!fw.value) return { file, kind: 'framework', valid: false, problems: fw.problems };
    const tooLarge = blankTooLarge(fw.value);
    // Its translations too, every problem listed with the others.
    const problems = [...(tooLarge ? [{ file: join(file, 'framework.yaml'), line: 1, col: 1, path: '', message: tooLarge }] : []), ...translationProblems(fw.value, LANGS)];
    if (problems.length) return { file, kind: 'framework', valid: false, problems };
    const questions = fw.value.benchmarks.reduce((n, b) => n + b.questions.length, 0);
    return { file, kind: 'framework', valid: true, summary: `${fw.value.id} ${fw.value.version}: ${fw.value.benchmarks.length} benchmarks, ${questions} questions`, problems: [] };
  }
  const r = tryOpen(file);
  if (!r.opened) return partOfFramework(file, r.problems) ?? { file, kind: 'assessment', valid: false, problems: r.problems };
  const { ratings, assessment } = r.opened;
  const answered = ratings.reduce((n, x) => n + x.answered, 0);
  const total = ratings.reduce((n, x) => n + x.total, 0);
  const rated = ratings.filter((x) => x.final !== 'unrated').length;
  for (const w of unsettledWarnings(r.opened)) err(message(formatProblem(w)));
  const c = assessment.contributor;
  const summary = c
    ? `a contribution from ${c.organisation} to ${assessment.authority} ${assessment.period}: ${answered} of ${total} questions answered`
    : `${assessment.authority} ${assessment.period}: ${rated} of ${ratings.length} benchmarks rated, ${answered} of ${total} questions answered`;
  return { file, kind: 'assessment', valid: true, summary, problems: [] };
}

/**
 * A file of a framework folder (framework.yaml, a benchmark file) given as if it were an
 * assessment: it has no `framework:` key, and the loader would say only that. Say to give the folder.
 */
function partOfFramework(file: string, problems: Problem[]): Result | undefined {
  const dir = dirname(file);
  const noFrameworkKey = problems.length === 1 && problems[0]!.path === 'framework' && problems[0]!.message.startsWith('required');
  if (!noFrameworkKey || !existsSync(join(dir, 'framework.yaml'))) return undefined;
  const message = `this is a file of the framework folder ${visible(dir)}; to check the framework, give the folder: dutykit validate ${visible(dir)}`;
  return { file, kind: 'framework', valid: false, problems: [{ file, line: 1, col: 1, path: '', message }] };
}

export async function runValidate(files: string[], opts: ValidateOptions): Promise<void> {
  const results: Result[] = [];
  await inTurn(files, (file) => void results.push(check(file)));
  for (const r of results) for (const p of r.problems) err(message(formatProblem(p)));
  // Past the limit a file's problems are counted, not listed: JSON lists the real ones and the count.
  const json = results.map(({ problems, ...r }) => ({ ...r, problemCount: problemCount(problems), problems: problems.filter((p) => p.more === undefined) }));
  if (opts.json) outJson(json);
  else {
    for (const r of json) {
      const n = r.problemCount;
      outLines(r.valid ? term`ok    ${exact(r.file)}: ${plainLine(r.summary!)}` : term`FAIL  ${exact(r.file)}: ${n} problem${n === 1 ? '' : 's'}`);
    }
  }
  const bad = results.filter((r) => !r.valid).length;
  if (bad) throw new CheckFailed(`${bad} of ${results.length} file${results.length === 1 ? '' : 's'} failed validation`);
}
