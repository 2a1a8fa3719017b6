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
import type { DiffFormat } from './diff.js';

export interface TrendOptions extends GlobalOptions {
  format?: DiffFormat;
}

export async function runTrend(files: string[], opts: TrendOptions): Promise<void> {
  const t = trend(await openEach(files));
  const format = printedFormat(opts.json, opts.format, 'text');
  if (format === 'json') return outJson(trendJson(t));
  if (format === 'md') return out(renderTrendMarkdown(t));
  const paint = await painter(useColour(opts), Object.fromEntries(t.ratings.map((r) => [r.id, r.colour])));
  out(renderTrendText(t, paint, terminalWidth()));
}

/**
 * Each file read, rated and reduced to what trend shows, one at a time: a thousand files are
 * never held at once. Every file's problems are reported together, as `diff` does.
 */
async function openEach(files: string[]): Promise<TrendSide[]> {
  const sides: TrendSide[] = [];
  const problems: Problem[] = [];
  await inTurn(files, (file) => {
    const r = tryOpen(file);
    if (r.problems) problems.push(...r.problems);
    else if (problems.length === 0) sides.push(trendSide({ ...r.opened, file }));
  });
  if (problems.length) throw new InputError(problems);
  return sides;
}
