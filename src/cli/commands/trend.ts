// `dutykit trend <file...>`: ratings across several assessments, oldest first.
import { trendJson } from '../../diff/json.js';
import { trend } from '../../diff/trend.js';
import { renderTrendMarkdown } from '../../report/diff-markdown.js';
import { renderTrendText } from '../../report/diff-terminal.js';
import { printedFormat } from '../json-format.js';
import { out, outJson, painter, terminalWidth, useColour, type GlobalOptions } from '../output.js';
import { openAll, type DiffFormat } from './diff.js';

export interface TrendOptions extends GlobalOptions {
  format?: DiffFormat;
}

export async function runTrend(files: string[], opts: TrendOptions): Promise<void> {
  const t = trend(openAll(files));
  const format = printedFormat(opts.json, opts.format, 'text');
  if (format === 'json') return outJson(trendJson(t));
  if (format === 'md') return out(renderTrendMarkdown(t));
  const paint = await painter(useColour(opts), Object.fromEntries(t.ratings.map((r) => [r.id, r.colour])));
  out(renderTrendText(t, paint, terminalWidth()));
}
