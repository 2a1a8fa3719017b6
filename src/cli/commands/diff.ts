// `dutykit diff <old> <new>`: what changed between two assessments, and the CI gate.
import { CheckFailed, InputError } from '../../errors.js';
import { diffAssessments } from '../../diff/diff.js';
import { describeTrip, evaluateFailOn, FAIL_ON, parseFailOn, type FailOn } from '../../diff/fail-on.js';
import { diffJson } from '../../diff/json.js';
import type { RatedSide } from '../../diff/types.js';
import { renderDiffMarkdown } from '../../report/diff-markdown.js';
import { renderDiffText } from '../../report/diff-terminal.js';
import { tryOpen } from '../open.js';
import { printedFormat } from '../json-format.js';
import { out, outJson, painter, terminalWidth, useColour, type GlobalOptions } from '../output.js';
import { frameworkWords, langsOption, oneLang } from '../lang.js';
import { messages, type Messages } from '../../i18n/catalogue.js';
import { usageError } from '../usage.js';

export type DiffFormat = 'text' | 'md' | 'json';

export interface DiffOptions extends GlobalOptions {
  format?: DiffFormat;
  failOn?: string;
  lang?: string;
}

/** Both files opened, or every problem in either: bad input on both sides is reported at once. */
export function openAll(files: string[], m?: Messages): RatedSide[] {
  const results = files.map((f) => ({ file: f, r: tryOpen(f, m) }));
  const problems = results.flatMap(({ r }) => r.problems ?? []);
  if (problems.length) throw new InputError(problems);
  return results.map(({ file, r }) => ({ ...r.opened!, file }));
}

export function failConditions(list: string | undefined): FailOn[] {
  if (list === undefined) return [];
  const parsed = parseFailOn(list);
  if ('unknown' in parsed) throw usageError('usage.failOnUnknown', { condition: parsed.unknown, expected: FAIL_ON.join(', ') });
  return parsed.conditions;
}

export async function runDiff(oldFile: string, newFile: string, opts: DiffOptions): Promise<void> {
  const conditions = failConditions(opts.failOn);
  const format = printedFormat(opts.json, opts.format, 'text');
  const langs = langsOption(opts.lang);
  if (format === 'json') oneLang(langs, 'JSON');
  const [old, now] = openAll([oldFile, newFile], messages(langs[0]!)) as [RatedSide, RatedSide];
  for (const c of conditions) {
    if ((c === 'red' || c === 'amber') && !now.framework.ratings.some((r) => r.id === c)) {
      throw usageError('usage.failOnNoRating', { condition: c, id: now.framework.id, ratings: now.framework.ratings.map((r) => r.id).join(', ') });
    }
  }
  // The gate reads the diff in English, whatever language it is shown in.
  const diff = diffAssessments(old, now);
  const tripped = evaluateFailOn(diff, conditions);
  const words = frameworkWords();
  const inLang = (s: RatedSide, lang: string): RatedSide => ({ ...s, words: words(s.framework, lang) });
  const shown = (lang: string) => (lang === 'en' ? diff : diffAssessments(inLang(old, lang), inLang(now, lang), messages(lang)));
  if (format === 'json') outJson(diffJson(shown(langs[0]!), conditions.length ? { conditions, tripped } : undefined));
  else if (format === 'md') for (const lang of langs) out(renderDiffMarkdown(shown(lang), messages(lang)));
  else {
    const paint = await painter(useColour(opts), Object.fromEntries(now.framework.ratings.map((r) => [r.id, r.colour])));
    for (const lang of langs) out(renderDiffText(shown(lang), paint, terminalWidth(), messages(lang)));
  }
  // Said in the first language asked, with the names and labels of the diff shown in it.
  const said = (l: Messages) => evaluateFailOn(shown(l.lang), conditions).map((t) => describeTrip(t, l)).join('\n');
  if (tripped.length) throw new CheckFailed(tripped.map((t) => describeTrip(t)).join('\n'), said);
}
