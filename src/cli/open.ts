// Files in, checked model and ratings out: every command that reads an assessment starts here.
import { formatProblemIn, InputError, UsageError, type Problem } from '../errors.js';
import type { Messages } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import { loadAssessment, type LoadedAssessment } from '../model/load-assessment.js';
import { loadFramework, resolveFramework, useBundledFrameworks, useCompiledFrameworks } from '../model/load-framework.js';
import { ratingProblems } from '../rating/check.js';
import { rateAssessment, type BenchmarkRating } from '../rating/rate.js';
import { message, visible, visibleValues } from '../outside.js';
import { err } from './output.js';
import { BUNDLED_FRAMEWORKS, COMPILED_FRAMEWORKS, DEFAULT_FRAMEWORK } from './paths.js';

useCompiledFrameworks(COMPILED_FRAMEWORKS);
useBundledFrameworks(BUNDLED_FRAMEWORKS);

export interface Opened extends LoadedAssessment {
  ratings: BenchmarkRating[];
}

/** Load, check and rate one file; the problems, or null. Warnings go to stderr, in the language of `m`. */
export function tryOpen(file: string, m?: Messages): { opened: Opened; problems?: undefined } | { opened?: undefined; problems: Problem[] } {
  const loaded = loadAssessment(file, BUNDLED_FRAMEWORKS);
  if (!loaded.value) return { problems: loaded.problems };
  const l = loaded.value;
  const ratings = rateAssessment(l.framework, l.assessment);
  const problems = ratingProblems(l.framework, ratings).map((p) => l.source.at(p.path, p.says));
  if (problems.length) return { problems };
  for (const w of l.warnings) err(message(formatProblemIn(w, m)));
  return { opened: { ...l, ratings } };
}

/** Load and check one file, without rating it or printing its warnings (merge reads many; assess says them itself). */
export function loadChecked(file: string): ReturnType<typeof loadAssessment> {
  return loadAssessment(file, BUNDLED_FRAMEWORKS);
}

export function openAssessment(file: string, m?: Messages): Opened {
  const r = tryOpen(file, m);
  if (!r.opened) throw new InputError(r.problems);
  return r.opened;
}

/** The framework chosen by `--framework` (an id or a folder), or the default. */
export function chosenFramework(ref: string | undefined): Framework {
  const where = resolveFramework(ref ?? DEFAULT_FRAMEWORK, process.cwd(), BUNDLED_FRAMEWORKS);
  if ('error' in where) throw new UsageError(`--framework: ${visible(where.error)}`, (m) => `--framework: ${m.t(where.says.key, visibleValues(where.says.params))}`);
  const fw = loadFramework(where.dir);
  if (!fw.value) throw new InputError(fw.problems);
  return fw.value;
}
