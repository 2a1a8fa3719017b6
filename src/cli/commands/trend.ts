// `dutykit trend <file...>`: ratings across several assessments, oldest first.
import { trendJson } from '../../diff/json.js';
import { trend, trendSide, type TrendSide } from '../../diff/trend.js';
import { InputError, type Problem } from '../../errors.js';
import { renderTrendMarkdown } from '../../report/diff-markdown.js';
import { renderTrendText } from '../../report/diff-terminal.js';
import { printedFormat } from '../json-format.js';
import { out, outJson, painter, terminalWidth, useColour, type GlobalOptions } from '../output.js';
import { inTurn } from '../in-turn.js';
import { tryOpen } from '../open.js';
import { readOnce } from '../returns.js';
import { resolve } from 'node:path';
import type { DiffFormat } from './diff.js';
import { frameworkWords, langsOption, oneLang } from '../lang.js';
import { messages, type Messages } from '../../i18n/catalogue.js';

export interface TrendOptions extends GlobalOptions {
  format?: DiffFormat;
  lang?: string;
}

export async function runTrend(files: string[], opts: TrendOptions): Promise<void> {
  const format = printedFormat(opts.json, opts.format, 'text');
  const langs = langsOption(opts.lang);
  if (format === 'json') oneLang(langs, 'JSON');
  const sides = await openEach(files, messages(langs[0]!));
  const words = frameworkWords();
  const trends = langs.map((lang) => ({ lang, t: trend(sides.map((s) => ({ ...s, words: words(s.framework, lang) })), messages(lang)) }));
  if (format === 'json') return outJson(trendJson(trends[0]!.t));
  if (format === 'md') {
    for (const { lang, t } of trends) out(renderTrendMarkdown(t, messages(lang)));
    return;
  }
  const paint = await painter(useColour(opts), Object.fromEntries(trends[0]!.t.ratings.map((r) => [r.id, r.colour])));
  for (const { lang, t } of trends) out(renderTrendText(t, paint, terminalWidth(), messages(lang)));
}

/**
 * Each file read, rated and reduced to what trend shows, one at a time: a thousand files are
 * never held at once. Every file's problems are reported together, as `diff` does.
 */
async function openEach(files: string[], m: Messages): Promise<TrendSide[]> {
  const sides: TrendSide[] = [];
  const problems: Problem[] = [];
  // One assessment named twice is one point of the trend, not two.
  const twice = readOnce();
  await inTurn(files, (file) => {
    if (twice(`path:${resolve(file)}`, file)) return;
    const r = tryOpen(file, m);
    if (r.opened && twice(r.opened.source.identity, file)) return;
    if (r.problems) problems.push(...r.problems);
    else if (problems.length === 0) sides.push(trendSide({ ...r.opened, file }));
  });
  if (problems.length) throw new InputError(problems);
  return sides;
}
