// `dutykit diff <old> <new>`: what changed between two assessments, and the CI gate.
import { CheckFailed, InputError, UsageError } from '../../errors.js';
import { diffAssessments } from '../../diff/diff.js';
import { describeTrip, evaluateFailOn, FAIL_ON, parseFailOn, type FailOn } from '../../diff/fail-on.js';
import { diffJson } from '../../diff/json.js';
import type { RatedSide } from '../../diff/types.js';
import { renderDiffMarkdown } from '../../report/diff-markdown.js';
import { renderDiffText } from '../../report/diff-terminal.js';
import { tryOpen } from '../open.js';
import { printedFormat } from '../json-format.js';
import { out, outJson, painter, terminalWidth, useColour, type GlobalOptions } from '../output.js';

export type DiffFormat = 'text' | 'md' | 'json';

export interface DiffOptions extends GlobalOptions {
  format?: DiffFormat;
  failOn?: string;
}

/** Both files opened, or every problem in either: bad input on both sides is reported at once. */
export function openAll(files: string[]): RatedSide[] {
  const results = files.map((f) => ({ file: f, r: tryOpen(f) }));
  const problems = results.flatMap(({ r }) => r.problems ?? []);
  if (problems.length) throw new InputError(problems);
  return results.map(({ file, r }) => ({ ...r.opened!, file }));
}

export function failConditions(list: string | undefined): FailOn[] {
  if (list === undefined) return [];
  const parsed = parseFailOn(list);
  if ('unknown' in parsed) throw new UsageError(`--fail-on: unknown condition "${parsed.unknown}"; expected ${FAIL_ON.join(', ')} (comma list)`);
  return parsed.conditions;
}

export async function runDiff(oldFile: string, newFile: string, opts: DiffOptions): Promise<void> {
  const conditions = failConditions(opts.failOn);
  const format = printedFormat(opts.json, opts.format, 'text');
  const [old, now] = openAll([oldFile, newFile]) as [RatedSide, RatedSide];
  for (const c of conditions) {
    if ((c === 'red' || c === 'amber') && !now.framework.ratings.some((r) => r.id === c)) {
      throw new UsageError(`--fail-on ${c}: ${now.framework.id} has no rating "${c}"; its ratings are ${now.framework.ratings.map((r) => r.id).join(', ')}`);
    }
  }
  const diff = diffAssessments(old, now);
  const tripped = evaluateFailOn(diff, conditions);
  if (format === 'json') outJson(diffJson(diff, conditions.length ? { conditions, tripped } : undefined));
  else if (format === 'md') out(renderDiffMarkdown(diff));
  else {
    const paint = await painter(useColour(opts), Object.fromEntries(now.framework.ratings.map((r) => [r.id, r.colour])));
    out(renderDiffText(diff, paint, terminalWidth()));
  }
  if (tripped.length) throw new CheckFailed(tripped.map(describeTrip).join('\n'));
}
